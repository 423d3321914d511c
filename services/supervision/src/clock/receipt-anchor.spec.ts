import { activeRules } from '../administration/active-rules';
import { computeDeadline, STATUTORY_POLICIES } from '../deadline-policy';
import type { Clock } from './clock.entity';
import { planAssignmentClocks } from './deadline-planner';
import { anchorAtReceipt, moves, reanchor } from './receipt-anchor';

const bj = (local: string) => new Date(`${local}+08:00`);
const DAY = 86_400_000;
const REGION = '330621102202';
const profile = { firstTime: false, complexity: null, statutoryPath: null };
const handling60 = STATUTORY_POLICIES.find((p) => p.code === 'handling_60d')!;

/** A handling clock as the assignment handler starts it without the receipt: at the assignment. */
function startedAtAssignment(assignedAt: Date, over: Partial<Clock> = {}): Clock {
  const [planned] = planAssignmentClocks({ ...profile, regionCode: REGION }, assignedAt);
  return {
    id: '00000000-0000-4000-8000-000000000001', grievanceId: '00000000-0000-4000-8000-000000000002', subjectId: '00000000-0000-4000-8000-000000000003',
    step: 'handling', policyCode: planned.policyCode, state: 'running', startedAt: assignedAt, dueAt: planned.dueAt, warnShares: planned.warnShares,
    history: [{ at: assignedAt.toISOString(), change: 'started', cause: 'routing.assignment.created e1' }],
    warningsSent: 0, escalationLevel: 0, nextAlarmAt: null, regionCode: REGION, awaitingReceipt: true, stoppedAt: null, ...over,
  };
}

describe('anchorAtReceipt — the receipt arriving after the assignment gives the clock the start the normal order would have', () => {
  // A letter received Mon 2 Mar 2026, registered and assigned only on 1 Jun: the 15 days of 第二十二条 ended at 24:00 on 17 Mar.
  const received = bj('2026-03-02T09:00:00');
  const assigned = bj('2026-06-01T10:00:00');

  it('moves a late assignment’s clock to the end of the 15 days after receipt, its 60 days counted from there on the calendar', () => {
    const to = anchorAtReceipt(startedAtAssignment(assigned), received, profile);
    expect(to.startedAt).toEqual(bj('2026-03-18T00:00:00'));
    expect(to.policyCode).toBe('handling_60d');
    // Day 60 after 17 Mar is Sun 17 May, a rest day: the period runs to the end of Mon 18 May.
    expect(to.dueAt).toEqual(bj('2026-05-19T00:00:00'));
    expect(to.dueAt).toEqual(computeDeadline(handling60, to.startedAt, activeRules.calendarFor(REGION)));
    const [planned] = planAssignmentClocks({ ...profile, regionCode: REGION }, to.startedAt);
    expect(to).toEqual({ startedAt: to.startedAt, policyCode: planned.policyCode, dueAt: planned.dueAt, warnShares: planned.warnShares });
  });

  it('leaves a clock where it is when the assignment came within the 15 days', () => {
    const c = startedAtAssignment(assigned);
    expect(moves(c, anchorAtReceipt(c, bj('2026-05-25T09:00:00'), profile))).toBe(false);
  });

  it('changes nothing the second time: a re-anchored clock is already where the receipt puts it', () => {
    const c = startedAtAssignment(assigned);
    const once = reanchor(c, anchorAtReceipt(c, received, profile), bj('2026-06-01T10:00:05'), 'intake.grievance.received e2');
    expect(moves(once, anchorAtReceipt(once, received, profile))).toBe(false);
  });

  it('plans from what is now known of the matter: a triaged consultation keeps its half working day, counted from the new start', () => {
    const consultation = { firstTime: true, complexity: 'simple' as const, statutoryPath: 'consultation' };
    const c = startedAtAssignment(bj('2026-03-20T10:00:00'), { regionCode: '330621101', policyCode: '330621_consultation_half_day' });
    const to = anchorAtReceipt(c, bj('2026-03-02T09:00:00'), consultation);
    expect(to.policyCode).toBe('330621_consultation_half_day');
    expect(to.startedAt).toEqual(bj('2026-03-18T00:00:00'));
    expect(to.dueAt).toEqual(bj('2026-03-18T12:00:00')); // Wed: 8:30 + 3.5 office hours
  });

  it('keeps an approved extension on top of the new plan', () => {
    const plain = startedAtAssignment(assigned);
    const extended = { ...plain, dueAt: new Date(plain.dueAt.getTime() + 30 * DAY), history: [...plain.history, { at: bj('2026-06-10T09:00:00').toISOString(), change: 'extended' as const, cause: 'extension x' }] };
    const to = anchorAtReceipt(extended, received, profile);
    expect(to.startedAt).toEqual(bj('2026-03-18T00:00:00'));
    expect(to.dueAt.getTime() - anchorAtReceipt(plain, received, profile).dueAt.getTime()).toBe(30 * DAY);
  });
});

describe('reanchor — the move is logged and the alarms are planned again by the usual schedule', () => {
  const received = bj('2026-03-02T09:00:00');
  const assigned = bj('2026-06-01T10:00:00');

  it('logs the change with its cause, keeps the warnings sent, and plans the next alarm from the new start', () => {
    const c = startedAtAssignment(assigned, { warningsSent: 1 });
    const to = anchorAtReceipt(c, received, profile);
    const after = reanchor(c, to, bj('2026-06-01T10:00:05'), 'intake.grievance.received e2');
    expect(after).toMatchObject({ startedAt: to.startedAt, dueAt: to.dueAt, policyCode: 'handling_60d', warningsSent: 1, escalationLevel: 0, state: 'running', awaitingReceipt: false });
    expect(after.history).toHaveLength(2);
    expect(after.history[1]).toEqual({
      at: bj('2026-06-01T10:00:05').toISOString(),
      change: 'reanchored',
      cause: `intake.grievance.received e2: start ${assigned.toISOString()} → ${to.startedAt.toISOString()}; due ${c.dueAt.toISOString()} → ${to.dueAt.toISOString()}`,
    });
    // The 0.8 warning of the new span is long past: the sweeper fires it (then the breach) at its next round.
    const span = to.dueAt.getTime() - to.startedAt.getTime();
    expect(after.nextAlarmAt).toEqual(new Date(to.startedAt.getTime() + span * 0.8));
  });

  it('keeps a breached clock breached and plans its next escalation from the new due date', () => {
    const c = startedAtAssignment(assigned, { state: 'breached', warningsSent: 2, escalationLevel: 1 });
    const after = reanchor(c, anchorAtReceipt(c, received, profile), assigned, 'r');
    expect(after).toMatchObject({ state: 'breached', escalationLevel: 1 });
    expect(after.nextAlarmAt).toEqual(new Date(after.dueAt.getTime() + 24 * 3_600_000));
  });

  it('plans no alarm for a paused clock: resuming does', () => {
    const c = startedAtAssignment(assigned, { state: 'paused' });
    expect(reanchor(c, anchorAtReceipt(c, received, profile), assigned, 'r').nextAlarmAt).toBeNull();
  });
});
