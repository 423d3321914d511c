import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ReceptionBooked,
  ReceptionDayScheduled,
  ReceptionRecorded,
  type BookReception,
  type ReceptionAppointmentView,
  type ReceptionDayView,
  type ReceptionRota,
  type RecordReception,
  type ScheduleReceptionDay,
  type SupervisionActor,
  validateIdNumber,
  validatePhone,
} from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { isIsoDate } from '@yikouban/calendar';
import { DomainError } from '@yikouban/service-kit';
import { startClock } from '../clock/clock-writer';
import { stopIfCaseEnded } from '../clock/ended-case';
import { lockCase } from '../indicators/case-tally';
import { findSupervisedGrievance } from './grievance-ref';
import { LedgerIdentity, type LedgerPerson } from './ledger-identity';
import { admit, checkFirstTimeWindow, checkWorkingDay, checkRange, checkRecordDates, firstTimeReceptionWindow, refuseDoubleBooking, slotStartsAt } from './reception-rules';
import { ReceptionError, violatedConstraint } from './reception.errors';
import { loadAppointmentForUpdate, loadDay, readAppointment, readDay, readRota } from './reception.store';

/** The step a promise made at a reception runs its clock under (it shows on the overdue board). */
export const PROMISE_STEP = 'reception_promise';
const PROMISE_WARN_SHARES = [0.5, 0.8];

const staffOnly = (by: SupervisionActor) => {
  if (by.kind !== 'staff') throw new ReceptionError('actor_not_permitted', '只有工作人员可以操作领导接访 / only staff handle leader receptions', 'by.kind');
};
const validDay = (day: string, field: string) => {
  if (!isIsoDate(day)) throw new ReceptionError('invalid_date', `不是有效日期 / not a real date: ${day}`, field);
};

/** Who was received, phone and ID number in the canonical form they are sealed in (the contract has validated both). */
function ledgerPerson(cmd: RecordReception): LedgerPerson {
  const canonical = (field: 'phone' | 'idNumber', r: { ok: true; value: string } | { ok: false; reason: string }): string => {
    if (!r.ok) throw new DomainError('BAD_REQUEST', `${field}: ${r.reason}`, [{ field, problems: [r.reason] }]);
    return r.value;
  };
  const whoReceived = cmd.whoReceived.trim();
  if (whoReceived === '') throw new DomainError('BAD_REQUEST', 'whoReceived: 接待对象不能为空 / who was received cannot be blank', [{ field: 'whoReceived', problems: ['blank'] }]);
  return {
    whoReceived,
    phone: cmd.phone === undefined ? null : canonical('phone', validatePhone(cmd.phone)),
    idNumber: cmd.idNumber === undefined ? null : canonical('idNumber', validateIdNumber(cmd.idNumber)),
  };
}

/**
 * 领导接访: the rota (each day a leader with a legal adviser, 1+1), appointments on it, and the
 * ledger entry after the meeting. A promise's date runs as a supervision clock, so a broken
 * promise warns and escalates like any other deadline.
 */
@Injectable()
export class ReceptionService {
  constructor(
    private readonly db: DataSource,
    private readonly identity: LedgerIdentity,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  rota(q: ReceptionRota): Promise<ReceptionDayView[]> {
    validDay(q.from, 'from');
    validDay(q.to, 'to');
    checkRange(q.from, q.to);
    return this.db.transaction((tx) => readRota(tx, q, this.identity));
  }

  async schedule(cmd: ScheduleReceptionDay): Promise<ReceptionDayView> {
    staffOnly(cmd.by);
    validDay(cmd.day, 'day');
    checkWorkingDay(cmd.day, cmd.regionCode ?? null);
    const id = randomUUID();
    const startsAt = slotStartsAt(cmd.day, cmd.slot);
    try {
      const view = await this.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO reception_day (id, leader_id, leader_name, org_code, region_code, day, slot, slot_starts_at, place, legal_adviser_id, legal_adviser_name, capacity, scheduled_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [id, cmd.leaderId, cmd.leaderName, cmd.orgCode, cmd.regionCode ?? null, cmd.day, cmd.slot, startsAt, cmd.place, cmd.legalAdviserId, cmd.legalAdviserName, cmd.capacity, cmd.by.userId ?? null],
        );
        await appendToOutbox(tx, ReceptionDayScheduled, { receptionDayId: id, leaderId: cmd.leaderId, orgCode: cmd.orgCode, day: cmd.day, slot: cmd.slot, legalAdviserId: cmd.legalAdviserId, capacity: cmd.capacity });
        return readDay(tx, id, this.identity);
      });
      this.relay?.kick();
      return view;
    } catch (err) {
      const constraint = violatedConstraint(err);
      if (constraint === 'reception_day_leader_slot') throw new ReceptionError('leader_slot_taken', '该领导此时段已排班 / the leader already receives in this half-day', 'slot');
      if (constraint === 'reception_day_adviser_slot') throw new ReceptionError('adviser_slot_taken', '该法律顾问此时段已陪同其他领导接访 / the legal adviser already sits with another leader then', 'legalAdviserId');
      throw err;
    }
  }

  async book(cmd: BookReception, now = new Date()): Promise<ReceptionAppointmentView> {
    staffOnly(cmd.by);
    const id = randomUUID();
    try {
      const view = await this.db.transaction(async (tx) => {
        // The day's row lock serialises bookings of one slot; the counter's CHECK backs it.
        const day = await loadDay(tx, cmd.receptionDayId, true);
        if (!day) throw new ReceptionError('no_such_day', '没有该接访日 / no such reception day', 'receptionDayId');
        if (day.slot_starts_at.getTime() + 4 * 3_600_000 < now.getTime()) throw new ReceptionError('slot_passed', '该接访时段已过 / the slot is over', 'receptionDayId');
        const g = await findSupervisedGrievance(tx, cmd);
        const [open] = (await tx.query(`SELECT count(*)::int AS n FROM reception_appointment WHERE grievance_id = $1 AND status = 'booked'`, [g.grievanceId])) as { n: number }[];
        refuseDoubleBooking(open.n);
        admit(day);
        const window = g.firstTime && g.receivedAt ? firstTimeReceptionWindow(g.receivedAt, g.regionCode) : null;
        checkFirstTimeWindow(day.slot_starts_at, window);
        await tx.query('UPDATE reception_day SET booked = booked + 1 WHERE id = $1', [day.id]);
        await tx.query(
          `INSERT INTO reception_appointment (id, reception_day_id, grievance_id, tracking_code, first_time, reception_due_at, policy_code, booked_by, booked_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [id, day.id, g.grievanceId, g.trackingCode, g.firstTime, window?.dueAt ?? null, window?.policyCode ?? null, cmd.by.userId ?? null, now],
        );
        await appendToOutbox(tx, ReceptionBooked, {
          appointmentId: id,
          receptionDayId: day.id,
          grievanceId: g.grievanceId,
          ...(g.trackingCode ? { trackingCode: g.trackingCode } : {}),
          leaderId: day.leader_id,
          slotStartsAt: day.slot_starts_at.toISOString(),
          firstTime: g.firstTime,
          ...(window ? { receptionDueAt: window.dueAt.toISOString() } : {}),
        });
        return (await readAppointment(tx, id, this.identity)) as ReceptionAppointmentView;
      });
      this.relay?.kick();
      return view;
    } catch (err) {
      // A concurrent booking got there first: the constraints decide, the caller gets the reason.
      const constraint = violatedConstraint(err);
      if (constraint === 'reception_appointment_one_open') refuseDoubleBooking(1);
      if (constraint === 'reception_day_booked_check') admit({ capacity: 0, booked: 0 });
      throw err;
    }
  }

  async record(cmd: RecordReception, now = new Date()): Promise<ReceptionAppointmentView> {
    staffOnly(cmd.by);
    const receivedAt = cmd.receivedAt ? new Date(cmd.receivedAt) : now;
    const promisedBy = cmd.promisedBy ? new Date(cmd.promisedBy) : null;
    checkRecordDates(receivedAt, promisedBy, now);
    if ((cmd.promise === undefined) !== (promisedBy === null)) {
      throw new ReceptionError('invalid_date', '承诺事项与承诺期限须同时填写 / a promise needs its date and a date needs its promise', cmd.promise === undefined ? 'promise' : 'promisedBy');
    }
    const person = ledgerPerson(cmd);
    const view = await this.db.transaction(async (tx) => {
      const a = await loadAppointmentForUpdate(tx, cmd.appointmentId);
      if (!a) throw new ReceptionError('no_such_appointment', '没有该预约 / no such appointment', 'appointmentId');
      if (a.status !== 'booked') throw new ReceptionError('already_recorded', '该预约已登记接访结果 / the reception is already in the ledger', 'appointmentId');
      const day = (await loadDay(tx, a.reception_day_id))!;
      const recordId = randomUUID();
      let clockId: string | null = null;
      if (promisedBy) {
        // First, for the case row lock a merge or withdrawal takes before it stops the case's clocks.
        const supervised = await lockCase(tx, a.grievance_id);
        const cause = `promised at leader reception by ${day.leader_id} (${day.leader_name})`;
        const clock = await startClock(tx, {
          grievanceId: a.grievance_id,
          subjectId: recordId,
          step: PROMISE_STEP,
          policyCode: PROMISE_STEP,
          startedAt: receivedAt,
          dueAt: promisedBy,
          warnShares: PROMISE_WARN_SHARES,
          cause,
        });
        clockId = clock.id;
        // A promise made after intake merged or withdrew the grievance: its clock stops as that end would have stopped it.
        await stopIfCaseEnded(tx, supervised, cause);
      }
      const sealed = this.identity.seal(recordId, person);
      await tx.query(
        `INSERT INTO reception_record (id, appointment_id, grievance_id, who_received_cipher, phone_cipher, id_number_cipher, headcount, summary, outcome, legal_advice, promise, promised_by, clock_id, received_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [recordId, a.id, a.grievance_id, sealed.who_received_cipher, sealed.phone_cipher, sealed.id_number_cipher, cmd.headcount, cmd.summary, cmd.outcome, cmd.legalAdvice ?? null, cmd.promise ?? null, promisedBy, clockId, receivedAt, cmd.by.userId ?? null],
      );
      await tx.query(`UPDATE reception_appointment SET status = 'received' WHERE id = $1`, [a.id]);
      await appendToOutbox(tx, ReceptionRecorded, {
        receptionRecordId: recordId,
        appointmentId: a.id,
        grievanceId: a.grievance_id,
        ...(a.tracking_code ? { trackingCode: a.tracking_code } : {}),
        leaderId: day.leader_id,
        legalAdviserId: day.legal_adviser_id,
        outcome: cmd.outcome,
        ...(promisedBy ? { promisedBy: promisedBy.toISOString() } : {}),
        ...(clockId ? { clockId } : {}),
        receivedAt: receivedAt.toISOString(),
      });
      return (await readAppointment(tx, a.id, this.identity)) as ReceptionAppointmentView;
    });
    this.relay?.kick();
    return view;
  }
}
