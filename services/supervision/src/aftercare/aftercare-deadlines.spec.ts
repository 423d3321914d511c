import { returnVisitDeadline, reviewAnswerDeadline, reviewWindowEnd } from './aftercare-deadlines';

describe('after-reply deadlines come from the policies', () => {
  it('复查 window: 30 days after the reply, to 24:00 Beijing of the last day', () => {
    // Replied 2026-03-02 10:00 Beijing: day 30 is 2026-04-01 (a Wednesday).
    expect(reviewWindowEnd('review', new Date('2026-03-02T02:00:00.000Z'), '330621101').toISOString()).toBe('2026-04-01T16:00:00.000Z');
  });

  it('a window whose last day falls in a holiday runs to the next working day', () => {
    // Answered 2025-09-02: day 30 is 2025-10-02, inside the National Day holiday (10-01…10-08); 10-09 is the next working day.
    expect(reviewWindowEnd('recheck', new Date('2025-09-02T02:00:00.000Z'), '330621101').toISOString()).toBe('2025-10-09T16:00:00.000Z');
  });

  it('answers 复查 and 复核 within 30 days on the statutory policies', () => {
    expect(reviewAnswerDeadline('review', new Date('2026-03-02T02:00:00.000Z'), null)).toMatchObject({ policyCode: 'review_answer_30d' });
    expect(reviewAnswerDeadline('recheck', new Date('2026-03-02T02:00:00.000Z'), '330621101')).toMatchObject({ policyCode: 'recheck_answer_30d', warnShares: [0.5, 0.8] });
  });

  it('schedules the return visit on the county policy, with none where no policy exists', () => {
    // Friday 2025-09-26: 3 working days are Sunday 09-28 (make-up day), 09-29 and 09-30.
    expect(returnVisitDeadline(new Date('2025-09-26T02:00:00.000Z'), '330621101')).toEqual({ policyCode: '330621_return_visit_3wd', dueAt: new Date('2025-09-30T16:00:00.000Z'), warnShares: [0.5, 0.8] });
    expect(returnVisitDeadline(new Date('2025-09-26T02:00:00.000Z'), '110101001')).toBeNull();
  });
});
