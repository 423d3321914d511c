// 领导接访 (the rota, appointments, the ledger entry) as the GraphQL API gives it.
const APPOINTMENT_FIELDS = `id trackingCode firstTime receptionDueAt status bookedAt policyCode receptionDayId
  record { id whoReceived phone idNumber headcount summary outcome legalAdvice promise promisedBy clockId receivedAt }`;
export const DAY_FIELDS = `id day slot slotStartsAt place leaderId leaderName legalAdviserId legalAdviserName orgCode regionCode capacity booked appointments { ${APPOINTMENT_FIELDS} }`;

export const ROTA = `query ($from: String!, $to: String!, $leaderId: String) { receptionRota(from: $from, to: $to, leaderId: $leaderId) { ${DAY_FIELDS} } }`;
export const SCHEDULE = `mutation ($input: ScheduleReceptionDayInput!) { scheduleReceptionDay(input: $input) { ${DAY_FIELDS} } }`;
export const BOOK = `mutation ($input: BookReceptionInput!) { bookReception(input: $input) { ${APPOINTMENT_FIELDS} } }`;
export const RECORD = `mutation ($input: RecordReceptionInput!) { recordReception(input: $input) { ${APPOINTMENT_FIELDS} } }`;
/** Who was received, in full: needs a reason, and the read is audited. */
export const REVEAL = `mutation ($id: ID!, $reason: String!) { revealReceptionRecord(receptionRecordId: $id, reason: $reason) { whoReceived phone idNumber } }`;

export const OUTCOMES = ['RESOLVED_ON_SITE', 'PROMISE_MADE', 'EXPLAINED', 'REFERRED_TO_LEGAL_CHANNEL'] as const;

export interface ReceptionRecord {
  id: string;
  /** Masked (张*丰), as are phone and ID number. */
  whoReceived: string;
  phone: string | null;
  idNumber: string | null;
  headcount: number;
  summary: string;
  outcome: string;
  legalAdvice: string | null;
  promise: string | null;
  promisedBy: string | null;
  clockId: string | null;
  receivedAt: string;
}
export interface Appointment {
  id: string;
  trackingCode: string | null;
  firstTime: boolean;
  receptionDueAt: string | null;
  status: 'BOOKED' | 'RECEIVED';
  bookedAt: string;
  record: ReceptionRecord | null;
}
export interface ReceptionDay {
  id: string;
  day: string;
  slot: 'MORNING' | 'AFTERNOON';
  slotStartsAt: string;
  place: string;
  leaderId: string;
  leaderName: string;
  legalAdviserId: string;
  legalAdviserName: string;
  orgCode: string;
  regionCode: string | null;
  capacity: number;
  booked: number;
  appointments: Appointment[];
}

/** YYYY-MM-DD `n` days after `day` (calendar days; the service checks working days itself). */
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
