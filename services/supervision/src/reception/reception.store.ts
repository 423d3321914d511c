import type { EntityManager } from 'typeorm';
import type { ReceptionAppointmentView, ReceptionDayView, ReceptionOutcome, ReceptionRecordView, ReceptionSlot } from '@yikouban/contracts';
import type { LedgerIdentity } from './ledger-identity';

/** Reads of the reception tables into views (raw SQL: small rows, read in one round each); who was received comes out masked. */

export interface DayRow {
  id: string;
  leader_id: string;
  leader_name: string;
  org_code: string;
  region_code: string | null;
  day: string;
  slot: ReceptionSlot;
  slot_starts_at: Date;
  place: string;
  legal_adviser_id: string;
  legal_adviser_name: string;
  capacity: number;
  booked: number;
}

interface AppointmentRow {
  id: string;
  reception_day_id: string;
  grievance_id: string;
  tracking_code: string | null;
  first_time: boolean;
  reception_due_at: Date | null;
  policy_code: string | null;
  status: 'booked' | 'received';
  booked_at: Date;
  record_id: string | null;
  who_received_cipher: string | null;
  phone_cipher: string | null;
  id_number_cipher: string | null;
  headcount: number | null;
  summary: string | null;
  outcome: ReceptionOutcome | null;
  legal_advice: string | null;
  promise: string | null;
  promised_by: Date | null;
  clock_id: string | null;
  received_at: Date | null;
  recorded_by: string | null;
}

const DAY_COLUMNS = `id, leader_id, leader_name, org_code, region_code, to_char(day, 'YYYY-MM-DD') AS day, slot, slot_starts_at, place, legal_adviser_id, legal_adviser_name, capacity, booked`;
const APPOINTMENT_SELECT = `SELECT a.*, r.id AS record_id, r.who_received_cipher, r.phone_cipher, r.id_number_cipher, r.headcount, r.summary, r.outcome, r.legal_advice, r.promise, r.promised_by, r.clock_id, r.received_at, r.recorded_by
  FROM reception_appointment a LEFT JOIN reception_record r ON r.appointment_id = a.id`;

export async function loadDay(tx: EntityManager, id: string, lock = false): Promise<DayRow | null> {
  const [row] = (await tx.query(`SELECT ${DAY_COLUMNS} FROM reception_day WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as DayRow[];
  return row ?? null;
}

function toRecord(r: AppointmentRow, identity: LedgerIdentity): ReceptionRecordView | null {
  if (!r.record_id) return null;
  const person = identity.masked(r.record_id, { who_received_cipher: r.who_received_cipher as string, phone_cipher: r.phone_cipher, id_number_cipher: r.id_number_cipher });
  return {
    id: r.record_id,
    ...person,
    headcount: r.headcount ?? 1,
    summary: r.summary ?? '',
    outcome: r.outcome as ReceptionOutcome,
    legalAdvice: r.legal_advice,
    promise: r.promise,
    promisedBy: r.promised_by?.toISOString() ?? null,
    clockId: r.clock_id,
    receivedAt: (r.received_at as Date).toISOString(),
    recordedBy: r.recorded_by,
  };
}

function toAppointment(r: AppointmentRow, identity: LedgerIdentity): ReceptionAppointmentView {
  return {
    id: r.id,
    receptionDayId: r.reception_day_id,
    grievanceId: r.grievance_id,
    trackingCode: r.tracking_code,
    firstTime: r.first_time,
    receptionDueAt: r.reception_due_at?.toISOString() ?? null,
    policyCode: r.policy_code,
    status: r.status,
    bookedAt: r.booked_at.toISOString(),
    record: toRecord(r, identity),
  };
}

function toDay(d: DayRow, appointments: ReceptionAppointmentView[]): ReceptionDayView {
  return {
    id: d.id,
    leaderId: d.leader_id,
    leaderName: d.leader_name,
    orgCode: d.org_code,
    regionCode: d.region_code,
    day: d.day,
    slot: d.slot,
    slotStartsAt: d.slot_starts_at.toISOString(),
    place: d.place,
    legalAdviserId: d.legal_adviser_id,
    legalAdviserName: d.legal_adviser_name,
    capacity: d.capacity,
    booked: d.booked,
    appointments,
  };
}

export async function readAppointment(tx: EntityManager, id: string, identity: LedgerIdentity): Promise<ReceptionAppointmentView | null> {
  const [row] = (await tx.query(`${APPOINTMENT_SELECT} WHERE a.id = $1`, [id])) as AppointmentRow[];
  return row ? toAppointment(row, identity) : null;
}

export async function loadAppointmentForUpdate(tx: EntityManager, id: string): Promise<{ id: string; reception_day_id: string; grievance_id: string; tracking_code: string | null; status: string } | null> {
  const [row] = (await tx.query('SELECT id, reception_day_id, grievance_id, tracking_code, status FROM reception_appointment WHERE id = $1 FOR UPDATE', [id])) as {
    id: string;
    reception_day_id: string;
    grievance_id: string;
    tracking_code: string | null;
    status: string;
  }[];
  return row ?? null;
}

/** Reception days in a date range (Beijing civil days), with their appointments and ledger entries. */
export async function readRota(tx: EntityManager, q: { from: string; to: string; leaderId?: string; orgCode?: string; ids?: string[] }, identity: LedgerIdentity): Promise<ReceptionDayView[]> {
  const params: unknown[] = [q.from, q.to];
  let where = 'day BETWEEN $1::date AND $2::date';
  if (q.leaderId) where += ` AND leader_id = $${params.push(q.leaderId)}`;
  if (q.orgCode) where += ` AND org_code = $${params.push(q.orgCode)}`;
  if (q.ids) where += ` AND id = ANY($${params.push(q.ids)}::uuid[])`;
  const days = (await tx.query(`SELECT ${DAY_COLUMNS} FROM reception_day WHERE ${where} ORDER BY day, slot_starts_at, leader_name, id`, params)) as DayRow[];
  if (days.length === 0) return [];
  const rows = (await tx.query(`${APPOINTMENT_SELECT} WHERE a.reception_day_id = ANY($1::uuid[]) ORDER BY a.booked_at, a.id`, [days.map((d) => d.id)])) as AppointmentRow[];
  return days.map((d) => toDay(d, rows.filter((r) => r.reception_day_id === d.id).map((r) => toAppointment(r, identity))));
}

export async function readDay(tx: EntityManager, id: string, identity: LedgerIdentity): Promise<ReceptionDayView> {
  const d = await loadDay(tx, id);
  if (!d) throw new Error(`reception day ${id} vanished inside its transaction`);
  const [view] = await readRota(tx, { from: d.day, to: d.day, ids: [id] }, identity);
  return view;
}
