import { MAX_EXTENSION_DAYS } from '@yikouban/contracts';
import type { WorkingCalendar } from '@yikouban/calendar';
import { refusalError } from '../common/refusal-error';
import type { DeadlinePolicy } from '../deadline-policy';
import type { ClockState } from './clock.entity';

/** Why an extension was refused; each maps to one RPC code. */
export class ExtensionError extends refusalError({
  no_handling_clock: 'NOT_FOUND',
  request_not_found: 'NOT_FOUND',
  too_many_days: 'BAD_REQUEST',
  not_extendable: 'CONFLICT',
  already_extended: 'CONFLICT',
  request_pending: 'CONFLICT',
  already_decided: 'CONFLICT',
  clock_stopped: 'CONFLICT',
  deadline_passed: 'CONFLICT',
  staff_only: 'FORBIDDEN',
}) {}

export interface ExtensionAsk {
  days: number;
  policy: DeadlinePolicy | undefined;
  state: ClockState;
  dueAt: Date;
  now: Date;
  /** Extensions of this clock approved before. */
  approved: number;
  pending: boolean;
}

/** The most days one extension of this policy may add: the statute's 30, or less if the policy says so. */
export function maxExtensionDays(policy: DeadlinePolicy | undefined): number {
  return Math.min(MAX_EXTENSION_DAYS, policy?.extensionAmount ?? MAX_EXTENSION_DAYS);
}

/**
 * 第三十四条: a complicated matter may be extended once, by at most 30 days, with approval. The ask
 * must come while the deadline still runs; local fast-track deadlines (consultations, same-day
 * matters) have no extension at all.
 */
export function checkExtensionAsk(a: ExtensionAsk): void {
  if (a.state === 'stopped') throw new ExtensionError('clock_stopped', '办理期限已停止计时 / the handling deadline no longer runs', 'grievanceId');
  const allowed = a.policy?.maxExtensions ?? 0;
  if (allowed === 0) throw new ExtensionError('not_extendable', `期限 ${a.policy?.code ?? 'unknown'} 不可延长 / this deadline cannot be extended`, 'grievanceId');
  if (a.approved >= allowed) throw new ExtensionError('already_extended', '办理期限只能延长一次 / the deadline was already extended once', 'grievanceId');
  if (a.pending) throw new ExtensionError('request_pending', '已有待审批的延期申请 / a request is already waiting for a decision', 'grievanceId');
  const most = maxExtensionDays(a.policy);
  if (a.days > most) throw new ExtensionError('too_many_days', `延长期限不得超过${most}日 / at most ${most} days`, 'days');
  if (a.state === 'breached' || a.dueAt.getTime() <= a.now.getTime()) {
    throw new ExtensionError('deadline_passed', '办理期限已届满，不能再申请延期 / the deadline has passed: too late to ask', 'grievanceId');
  }
}

/**
 * The due date after an extension of `days` 日: a natural-day policy ends at 24:00 of the last day,
 * moved on past a holiday (of the clock's jurisdiction's calendar `cal`) like any statutory period;
 * other units add wall-clock days.
 */
export function extendedDue(dueAt: Date, days: number, policy: DeadlinePolicy | undefined, cal: WorkingCalendar): Date {
  if (policy?.unit === 'natural_days') return cal.addNaturalDaysStatutory(new Date(dueAt.getTime() - 1), days);
  return cal.addNaturalDays(dueAt, days);
}
