import { jurisdictionChain, planAssignmentClocks } from './deadline-planner';

describe('planAssignmentClocks', () => {
  const at = new Date('2025-09-26T02:00:00Z'); // Friday 10:00 Beijing, before the National Day holiday

  it('gives a wage-arrears matter the statutory 60 days (no local rule for urgent matters)', () => {
    const [handling] = planAssignmentClocks({ regionCode: '330621102202', firstTime: false, complexity: 'urgent', statutoryPath: 'arbitration' }, at);
    expect(handling).toMatchObject({ step: 'handling', policyCode: 'handling_60d' });
    expect(handling.dueAt.getTime() - at.getTime()).toBeGreaterThanOrEqual(60 * 86_400_000 - 86_400_000);
  });

  it('answers a consultation within half a working day of the demo county', () => {
    const [handling] = planAssignmentClocks({ regionCode: '330621101', firstTime: true, complexity: 'simple', statutoryPath: 'consultation' }, at);
    expect(handling.policyCode).toBe('330621_consultation_half_day');
    expect(handling.dueAt.toISOString()).toBe('2025-09-26T07:30:00.000Z'); // 10:00 + 2 h morning + 1.5 h afternoon = 15:30
  });

  it('adds the 7-day feedback clock for first-time grievances', () => {
    const clocks = planAssignmentClocks({ regionCode: '330621101', firstTime: true, complexity: 'complex', statutoryPath: 'petition' }, at);
    expect(clocks.map((c) => c.step)).toEqual(['handling', 'feedback']);
    expect(clocks[1].policyCode).toBe('330621_first_time_feedback_7d');
  });

  it('uses the national policies outside the demo county', () => {
    const [handling] = planAssignmentClocks({ regionCode: '440784', firstTime: null, complexity: 'simple', statutoryPath: 'petition' }, at);
    expect(handling.policyCode).toBe('handling_60d');
  });

  it('builds the jurisdiction chain nearest first', () => {
    expect(jurisdictionChain('330621102202')).toEqual(['330621102202', '330621102', '330621', '3306', '33']);
  });
});
