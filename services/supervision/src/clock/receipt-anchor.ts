import { activeRules } from '../administration/active-rules';
import { computeDeadline } from '../deadline-policy';
import { nextAlarm } from './alarm-schedule';
import type { Clock } from './clock.entity';
import { handlingStart, planAssignmentClocks, policyOf, type GrievanceProfile } from './deadline-planner';

/** Where a clock runs from once the receipt is known. */
export interface Anchor {
  startedAt: Date;
  policyCode: string;
  dueAt: Date;
  warnShares: number[];
}

/** What the re-anchoring reads of a clock. */
export type AnchoredClock = Pick<Clock, 'step' | 'policyCode' | 'startedAt' | 'dueAt' | 'warnShares' | 'regionCode' | 'history'>;

/**
 * Where a lead assignment's clock that started before intake's receipt came belongs: the start and
 * plan the assignment would have given it had the receipt been known (handlingStart, then
 * planAssignmentClocks on the clock's jurisdiction's calendar), so the order the facts arrive in
 * does not matter. Such a clock started at the assignment, which its `startedAt` still is.
 * A clock already extended or given paused time back keeps its policy and that added time on top.
 */
export function anchorAtReceipt(c: AnchoredClock, receivedAt: Date, profile: Omit<GrievanceProfile, 'regionCode'>): Anchor {
  const startedAt = handlingStart(c.startedAt, receivedAt, c.regionCode);
  const adjusted = c.history.some((h) => h.change === 'extended' || h.change === 'resumed');
  const planned = planAssignmentClocks({ ...profile, regionCode: c.regionCode }, startedAt).find((p) => p.step === c.step);
  if (planned && !adjusted) return { startedAt, policyCode: planned.policyCode, dueAt: planned.dueAt, warnShares: planned.warnShares };
  const cal = activeRules.calendarFor(c.regionCode);
  const was = policyOf(c.policyCode, c.startedAt);
  const now = policyOf(c.policyCode, startedAt) ?? was;
  const added = c.dueAt.getTime() - (was ? computeDeadline(was, c.startedAt, cal) : c.startedAt).getTime();
  const base = now ? computeDeadline(now, startedAt, cal) : startedAt;
  return { startedAt, policyCode: c.policyCode, dueAt: new Date(base.getTime() + added), warnShares: c.warnShares };
}

/** Whether the anchor changes anything about the clock. */
export function moves(c: AnchoredClock, to: Anchor): boolean {
  return c.startedAt.getTime() !== to.startedAt.getTime() || c.dueAt.getTime() !== to.dueAt.getTime() || c.policyCode !== to.policyCode;
}

/**
 * The clock on its new anchor, the change logged with its cause. Warnings and escalations already
 * sent stay sent; the next alarm is planned from the new start and due, so one now in the past fires
 * at the next sweep by the usual path. A paused or stopped clock gets no alarm.
 */
export function reanchor(c: Clock, to: Anchor, at: Date, cause: string): Clock {
  const changes = [`start ${c.startedAt.toISOString()} → ${to.startedAt.toISOString()}`, `due ${c.dueAt.toISOString()} → ${to.dueAt.toISOString()}`];
  if (to.policyCode !== c.policyCode) changes.push(`${c.policyCode} → ${to.policyCode}`);
  const after: Clock = {
    ...c,
    ...to,
    awaitingReceipt: false,
    history: [...c.history, { at: at.toISOString(), change: 'reanchored', cause: `${cause}: ${changes.join('; ')}` }],
  };
  after.nextAlarmAt = after.state === 'running' || after.state === 'breached' ? (nextAlarm(after)?.at ?? null) : null;
  return after;
}
