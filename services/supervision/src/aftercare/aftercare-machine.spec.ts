import { answerReview, close, evaluate, nextReviewWindow, requestReview, rework, type AftercareSnapshot } from './aftercare-machine';
import { AftercareError } from './aftercare.errors';

const replyAt = new Date('2026-03-02T02:00:00.000Z');
const windowEnds = new Date('2026-04-01T16:00:00.000Z');
const snap = (over: Partial<AftercareSnapshot> = {}): AftercareSnapshot => ({
  status: 'awaiting_evaluation',
  round: 1,
  final: false,
  replyAt,
  reviewWindowEndsAt: windowEnds,
  evaluatedThisRound: false,
  reviews: [],
  ...over,
});
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof AftercareError) return err.refusal;
    throw err;
  }
  throw new Error('expected a refusal');
};
const answeredReview = { level: 'review' as const, requestedAt: new Date('2026-03-10T00:00:00Z'), answeredAt: new Date('2026-03-20T00:00:00Z'), nextWindowEndsAt: new Date('2026-04-19T16:00:00Z') };

describe('after the reply: evaluation, rework, closure', () => {
  it('satisfied and basically satisfied close the loop; not satisfied waits', () => {
    expect(evaluate(snap(), 'satisfied').status).toBe('evaluated');
    expect(evaluate(snap(), 'basically_satisfied').status).toBe('evaluated');
    expect(evaluate(snap(), 'not_satisfied').status).toBe('not_satisfied');
  });

  it('evaluates each answer once, and not while the unit re-handles or a review is pending', () => {
    expect(refusal(() => evaluate(snap({ evaluatedThisRound: true, status: 'evaluated' }), 'satisfied'))).toBe('already_evaluated');
    expect(refusal(() => evaluate(snap({ status: 'rework' }), 'satisfied'))).toBe('rework_pending');
    expect(refusal(() => evaluate(snap({ status: 'review_requested' }), 'satisfied'))).toBe('review_pending');
    expect(refusal(() => evaluate(snap({ status: 'closed' }), 'satisfied'))).toBe('already_closed');
  });

  it('sends only a not-satisfied answer back for rework, never after 复核', () => {
    expect(rework(snap({ status: 'not_satisfied', evaluatedThisRound: true })).status).toBe('rework');
    expect(refusal(() => rework(snap({ status: 'evaluated', evaluatedThisRound: true })))).toBe('rework_needs_not_satisfied');
    expect(refusal(() => rework(snap({ status: 'not_satisfied', final: true })))).toBe('final');
  });

  it('closes after an evaluation, or without one only with a note', () => {
    expect(close(snap({ status: 'evaluated', evaluatedThisRound: true }), undefined).status).toBe('closed');
    expect(close(snap({ status: 'not_satisfied', evaluatedThisRound: true }), undefined).status).toBe('closed');
    expect(refusal(() => close(snap(), undefined))).toBe('note_required');
    expect(refusal(() => close(snap(), '  '))).toBe('note_required');
    expect(close(snap(), '三次电话联系未接通').status).toBe('closed');
    expect(refusal(() => close(snap({ status: 'closed' }), 'again'))).toBe('already_closed');
    expect(refusal(() => close(snap({ status: 'rework' }), 'x'))).toBe('rework_pending');
    expect(refusal(() => close(snap({ status: 'recheck_requested' }), 'x'))).toBe('review_pending');
  });
});

describe('the review ladder (复查 第三十五条, 复核 第三十六条)', () => {
  const now = new Date('2026-04-25T00:00:00Z');

  it('opens 复查 from the reply, then 复核 from the 复查 answer, then nothing', () => {
    expect(nextReviewWindow(snap())).toEqual({ level: 'review', opensAt: replyAt, endsAt: windowEnds });
    expect(nextReviewWindow(snap({ reviews: [{ ...answeredReview, answeredAt: null, nextWindowEndsAt: null }] }))).toBeNull();
    expect(nextReviewWindow(snap({ reviews: [answeredReview] }))).toEqual({ level: 'recheck', opensAt: answeredReview.answeredAt, endsAt: answeredReview.nextWindowEndsAt });
    expect(nextReviewWindow(snap({ final: true, reviews: [answeredReview] }))).toBeNull();
  });

  it('accepts a 复查 request up to the last instant of the window, even after closure', () => {
    expect(requestReview(snap(), { requestedAt: windowEnds, now }).status).toBe('review_requested');
    expect(requestReview(snap({ status: 'closed', evaluatedThisRound: true }), { requestedAt: replyAt, now }).window.level).toBe('review');
  });

  it('refuses a 复查 request one millisecond after the window, naming the article and the date', () => {
    const late = new Date(windowEnds.getTime() + 1);
    let error: AftercareError | undefined;
    try {
      requestReview(snap(), { requestedAt: late, now });
    } catch (err) {
      error = err as AftercareError;
    }
    expect(error?.refusal).toBe('window_closed');
    expect(error?.code).toBe('CONFLICT');
    expect(error?.message).toContain('第三十五条');
    expect(error?.message).toContain(windowEnds.toISOString());
    expect(error?.fields?.[0].field).toBe('requestedAt');
  });

  it('refuses dates in the future or before the answer, and the wrong level', () => {
    expect(refusal(() => requestReview(snap(), { requestedAt: new Date(now.getTime() + 1), now }))).toBe('invalid_date');
    expect(refusal(() => requestReview(snap(), { requestedAt: new Date(replyAt.getTime() - 1), now }))).toBe('invalid_date');
    expect(refusal(() => requestReview(snap(), { level: 'recheck', requestedAt: replyAt, now }))).toBe('wrong_level');
    expect(refusal(() => requestReview(snap({ reviews: [answeredReview] }), { level: 'review', requestedAt: answeredReview.answeredAt, now }))).toBe('wrong_level');
  });

  it('takes 复核 only inside its own window after the 复查 answer', () => {
    const s = snap({ reviews: [answeredReview], round: 2 });
    expect(requestReview(s, { requestedAt: answeredReview.nextWindowEndsAt, now }).status).toBe('recheck_requested');
    expect(refusal(() => requestReview(s, { requestedAt: new Date(answeredReview.nextWindowEndsAt.getTime() + 1), now }))).toBe('window_closed');
  });

  it('refuses while a request is pending, during rework, and for good after 复核', () => {
    expect(refusal(() => requestReview(snap({ status: 'review_requested' }), { requestedAt: replyAt, now }))).toBe('review_pending');
    expect(refusal(() => requestReview(snap({ status: 'rework' }), { requestedAt: replyAt, now }))).toBe('rework_pending');
    expect(refusal(() => requestReview(snap({ final: true }), { requestedAt: replyAt, now }))).toBe('final');
  });

  it('an upheld answer starts a new round to evaluate; a revised one goes back to the unit; 复核 is final', () => {
    const pendingReview = snap({ status: 'review_requested', reviews: [{ ...answeredReview, answeredAt: null, nextWindowEndsAt: null }] });
    expect(answerReview(pendingReview, 'upheld')).toEqual({ level: 'review', status: 'awaiting_evaluation', final: false, round: 2 });
    expect(answerReview(pendingReview, 'revised')).toEqual({ level: 'review', status: 'rework', final: false, round: 1 });
    const pendingRecheck = snap({ status: 'recheck_requested', round: 2, reviews: [answeredReview, { level: 'recheck', requestedAt: now, answeredAt: null, nextWindowEndsAt: null }] });
    expect(answerReview(pendingRecheck, 'upheld')).toMatchObject({ level: 'recheck', final: true, round: 3 });
    expect(refusal(() => answerReview(snap(), 'upheld'))).toBe('no_pending_review');
  });
});
