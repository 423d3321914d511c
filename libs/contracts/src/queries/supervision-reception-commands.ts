import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { IsChinesePhone, IsResidentIdNumber } from '../identity';
import { SupervisionActor } from '../events/supervision-aftercare-common';
import { RECEPTION_OUTCOMES, RECEPTION_SLOTS, type ReceptionOutcome, type ReceptionSlot } from '../events/supervision-reception-events';
import { CIVIL_DATE_PATTERN } from './supervision-board-queries';

/*
 * 领导接访 over request/reply. Refusals: BAD_REQUEST with the field; NOT_FOUND (no such day,
 * appointment or grievance); CONFLICT (slot full, already booked, already recorded, outside the
 * first-time window) — the domain's code first in the message, then Chinese and English.
 */

export class ReceptionRota {
  @Matches(CIVIL_DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' }) from: string;
  @Matches(CIVIL_DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' }) to: string;
  @IsOptional() @IsString() @Length(1, 100) leaderId?: string;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
}

/** A leader's reception day (half-day slot), always with a legal adviser beside the leader (1+1). */
export class ScheduleReceptionDay {
  @IsString() @Length(1, 100) leaderId: string;
  @IsString() @Length(1, 100) leaderName: string;
  @Matches(CODE_PATTERN) orgCode: string;
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Matches(CIVIL_DATE_PATTERN, { message: 'day must be a date YYYY-MM-DD' }) day: string;
  @IsIn(RECEPTION_SLOTS) slot: ReceptionSlot;
  @IsString() @Length(1, 200) place: string;
  @IsString() @Length(1, 100) legalAdviserId: string;
  @IsString() @Length(1, 100) legalAdviserName: string;
  /** How many petitioners (appointments) the slot takes. */
  @IsInt() @Min(1) @Max(50) capacity: number;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

/** Books a grievance, named by id or by tracking code, on a reception slot. */
export class BookReception {
  @IsUUID() receptionDayId: string;
  @ValidateIf((o: BookReception) => o.trackingCode === undefined) @IsUUID() grievanceId?: string;
  @ValidateIf((o: BookReception) => o.grievanceId === undefined) @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode?: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

/**
 * The ledger entry after the meeting: who was received, what was promised and by when, the outcome.
 * Who was received, their phone and ID number are personal information: stored encrypted, shown masked.
 */
export class RecordReception {
  @IsUUID() appointmentId: string;
  @IsString() @Length(1, 500) whoReceived: string;
  /** The contact phone of who was received (mobile or landline). */
  @IsOptional() @IsChinesePhone() phone?: string;
  /** The resident ID number of who was received (GB 11643). */
  @IsOptional() @IsResidentIdNumber() idNumber?: string;
  @IsInt() @Min(1) @Max(500) headcount: number;
  @IsString() @Length(1, 5000) summary: string;
  @IsIn(RECEPTION_OUTCOMES) outcome: ReceptionOutcome;
  /** The legal adviser's advice (1+1). */
  @IsOptional() @IsString() @Length(1, 5000) legalAdvice?: string;
  /** What the leader promised; required with promise_made, together with promisedBy. */
  @ValidateIf((o: RecordReception) => o.outcome === 'promise_made' || o.promise !== undefined) @IsString() @Length(1, 2000) promise?: string;
  @ValidateIf((o: RecordReception) => o.outcome === 'promise_made' || o.promisedBy !== undefined) @IsISO8601({ strict: true }) promisedBy?: string;
  /** When the meeting took place; default now, never in the future. */
  @IsOptional() @IsISO8601({ strict: true }) receivedAt?: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

/** Whoever reads the ledger in full: a gateway user whose role may see personal information. */
export class ReceptionLedgerReader {
  @IsString() @Length(1, 100) userId: string;
  /** A gateway role name (leader, reception_clerk, …). */
  @Matches(/^[a-z_]{1,40}$/) role: string;
  @Matches(CODE_PATTERN) orgCode: string;
}

/** The one unmasked read of a ledger entry's personal information; the read is audited (who, when, which entry, why). */
export class RevealReceptionRecord {
  @IsUUID() receptionRecordId: string;
  @ValidateNested() @Type(() => ReceptionLedgerReader) caller: ReceptionLedgerReader;
  /** Why the identity is needed (e.g. 回访联系信访人): kept in the audit record. */
  @IsString() @Length(4, 500, { message: 'reason must say why, in 4 to 500 characters' }) reason: string;
}

/** A ledger entry as everyone sees it: who was received, phone and ID number masked (`张*丰`, `138****0000`). */
export interface ReceptionRecordView {
  id: string;
  /** Masked. */
  whoReceived: string;
  /** Masked; null when none was recorded. */
  phone: string | null;
  /** Masked; null when none was recorded. */
  idNumber: string | null;
  headcount: number;
  summary: string;
  outcome: ReceptionOutcome;
  legalAdvice: string | null;
  promise: string | null;
  promisedBy: string | null;
  /** The clock supervision runs on the promise; it shows on the overdue board when late. */
  clockId: string | null;
  receivedAt: string;
  recordedBy: string | null;
}

export interface ReceptionAppointmentView {
  id: string;
  receptionDayId: string;
  grievanceId: string;
  trackingCode: string | null;
  firstTime: boolean;
  /** 初信初访: the local policy's deadline for the leader's reception, and the policy. */
  receptionDueAt: string | null;
  policyCode: string | null;
  status: 'booked' | 'received';
  bookedAt: string;
  record: ReceptionRecordView | null;
}

export interface ReceptionDayView {
  id: string;
  leaderId: string;
  leaderName: string;
  orgCode: string;
  regionCode: string | null;
  day: string;
  slot: ReceptionSlot;
  slotStartsAt: string;
  place: string;
  legalAdviserId: string;
  legalAdviserName: string;
  capacity: number;
  booked: number;
  appointments: ReceptionAppointmentView[];
}

export interface RevealedReceptionRecord {
  receptionRecordId: string;
  appointmentId: string;
  grievanceId: string;
  /** The audit record written with this read. */
  auditId: string;
  whoReceived: string;
  phone: string | null;
  idNumber: string | null;
  revealedAt: string;
}

export const SupervisionReceptionRota = defineQuery<ReceptionRota, ReceptionDayView[]>('supervision.reception.rota', ReceptionRota);
export const SupervisionScheduleReceptionDay = defineQuery<ScheduleReceptionDay, ReceptionDayView>('supervision.reception.schedule_day', ScheduleReceptionDay);
export const SupervisionBookReception = defineQuery<BookReception, ReceptionAppointmentView>('supervision.reception.book', BookReception);
export const SupervisionRecordReception = defineQuery<RecordReception, ReceptionAppointmentView>('supervision.reception.record', RecordReception);
export const SupervisionRevealReceptionRecord = defineQuery<RevealReceptionRecord, RevealedReceptionRecord>('supervision.reception.reveal_record', RevealReceptionRecord);
