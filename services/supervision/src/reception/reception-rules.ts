import type { ReceptionSlot } from '@yikouban/contracts';
import { isoToDay, startOfDay } from '@yikouban/calendar';
import { activeRules, jurisdictionChain } from '../administration/active-rules';
import { resolveDeadline, trySelectPolicy } from '../deadline-policy';
import { ReceptionError } from './reception.errors';

/*
 * The rules of leader reception, free of I/O. The database holds the same rules as constraints
 * (capacity, one open appointment per grievance) so that concurrent bookings cannot break them.
 */

const HOUR = 3_600_000;
/** When each half-day slot opens, Beijing time: 上午 8:30, 下午 14:00. */
const SLOT_OPENS: Record<ReceptionSlot, number> = { morning: 8.5 * HOUR, afternoon: 14 * HOUR };

export function slotStartsAt(day: string, slot: ReceptionSlot): Date {
  return new Date(startOfDay(isoToDay(day)).getTime() + SLOT_OPENS[slot]);
}

/** Refuses a booking once the slot holds as many appointments as its capacity. */
export function admit(day: { capacity: number; booked: number }): void {
  if (day.booked >= day.capacity) throw new ReceptionError('slot_full', `该时段已约满（${day.capacity} 人）/ the slot is full (${day.capacity})`, 'receptionDayId');
}

/** Refuses a second open appointment of the same grievance (it is received first, then may book again). */
export function refuseDoubleBooking(openAppointments: number): void {
  if (openAppointments > 0) throw new ReceptionError('already_booked', '该事项已预约领导接访，尚未接待 / the grievance already has an appointment not yet received', 'grievanceId');
}

export interface ReceptionWindow {
  policyCode: string;
  dueAt: Date;
}

/**
 * 初信初访: the local policy that wants a leader's reception and feedback (海门: within 7 days),
 * counted from when the grievance was received on the region's calendar with the policies then in
 * force; null where no such policy binds the region.
 */
export function firstTimeReceptionWindow(receivedAt: Date, regionCode: string | null): ReceptionWindow | null {
  const criteria = { appliesTo: 'feedback' as const, firstTime: true, jurisdiction: jurisdictionChain(regionCode) };
  const policies = activeRules.policiesAt(receivedAt);
  const chosen = trySelectPolicy(policies, criteria);
  if (!chosen || !chosen.when?.firstTime) return null;
  const r = resolveDeadline(policies, criteria, receivedAt, activeRules.calendarFor(regionCode));
  return { policyCode: r.governing.code, dueAt: r.dueAt };
}

/** A first-time grievance is booked only on a slot inside its window. */
export function checkFirstTimeWindow(slotStart: Date, window: ReceptionWindow | null): void {
  if (window && slotStart.getTime() > window.dueAt.getTime()) {
    throw new ReceptionError(
      'outside_first_time_window',
      `初信初访须在 ${window.dueAt.toISOString()} 前安排领导接访（${window.policyCode}）/ a first-time grievance must be received by a leader by ${window.dueAt.toISOString()}`,
      'receptionDayId',
    );
  }
}

/** 接访日 fall on working days of the jurisdiction's calendar (a 调休 make-up Saturday counts). */
export function checkWorkingDay(day: string, regionCode: string | null): void {
  if (!activeRules.calendarFor(regionCode).isWorkday(day)) {
    throw new ReceptionError('not_a_working_day', `${day} 不是工作日，不能安排领导接访 / ${day} is not a working day: no reception can be scheduled`, 'day');
  }
}

/** The meeting cannot be dated in the future, and a promise must fall after it. */
export function checkRecordDates(receivedAt: Date, promisedBy: Date | null, now: Date): void {
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime()) {
    throw new ReceptionError('invalid_date', '接访时间不能晚于现在 / receivedAt cannot be in the future', 'receivedAt');
  }
  if (promisedBy && (Number.isNaN(promisedBy.getTime()) || promisedBy.getTime() <= receivedAt.getTime())) {
    throw new ReceptionError('invalid_date', '承诺期限必须晚于接访时间 / promisedBy must be after the reception', 'promisedBy');
  }
}

/** The rota is read a quarter at most at a time. */
export function checkRange(from: string, to: string): void {
  const days = isoToDay(to) - isoToDay(from);
  if (days < 0) throw new ReceptionError('invalid_range', '结束日期早于开始日期 / to is before from', 'to');
  if (days > 92) throw new ReceptionError('invalid_range', '一次最多查询 93 天 / at most 93 days at a time', 'to');
}
