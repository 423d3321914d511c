import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/*
 * 领导接访: a leader's reception days, each with a legal adviser beside the leader (海门 “1+1”:
 * 一名领导必配备一名法律顾问共同接访), appointments of petitioners and the reception ledger (接访台账).
 */

/** Half-day slots of a reception day (上午 / 下午). */
export const RECEPTION_SLOTS = ['morning', 'afternoon'] as const;
export type ReceptionSlot = (typeof RECEPTION_SLOTS)[number];

/**
 * What came of a reception: resolved on the spot (当场化解), a promise with a date (承诺限期办理),
 * guided to a legal channel (导入法定途径, the adviser's part), or explained and answered (解释说明).
 */
export const RECEPTION_OUTCOMES = ['resolved_on_site', 'promise_made', 'referred_to_legal_channel', 'explained'] as const;
export type ReceptionOutcome = (typeof RECEPTION_OUTCOMES)[number];

/** A reception day was put on the rota. */
export class ReceptionDayScheduledV1 {
  @IsUUID() receptionDayId: string;
  @IsString() @Length(1, 100) leaderId: string;
  @Matches(CODE_PATTERN) orgCode: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) day: string;
  @IsIn(RECEPTION_SLOTS) slot: ReceptionSlot;
  @IsString() @Length(1, 100) legalAdviserId: string;
  @IsInt() @Min(1) capacity: number;
}

/** A petitioner's grievance was booked on a reception slot. */
export class ReceptionBookedV1 {
  @IsUUID() appointmentId: string;
  @IsUUID() receptionDayId: string;
  @IsUUID() grievanceId: string;
  @IsOptional() @Matches(TRACKING_CODE_PATTERN) trackingCode?: string;
  @IsString() @Length(1, 100) leaderId: string;
  @IsISO8601() slotStartsAt: string;
  @IsBoolean() firstTime: boolean;
  /** 初信初访: by when the local policy wants the leader's reception, when one applies. */
  @IsOptional() @IsISO8601() receptionDueAt?: string;
}

/** The reception took place and was entered in the ledger. */
export class ReceptionRecordedV1 {
  @IsUUID() receptionRecordId: string;
  @IsUUID() appointmentId: string;
  @IsUUID() grievanceId: string;
  @IsOptional() @Matches(TRACKING_CODE_PATTERN) trackingCode?: string;
  @IsString() @Length(1, 100) leaderId: string;
  @IsString() @Length(1, 100) legalAdviserId: string;
  @IsIn(RECEPTION_OUTCOMES) outcome: ReceptionOutcome;
  /** The date promised to the petitioner; supervision runs a clock on it. */
  @IsOptional() @IsISO8601() promisedBy?: string;
  @IsOptional() @IsUUID() clockId?: string;
  @IsISO8601() receivedAt: string;
}

export const ReceptionDayScheduled = defineEvent('supervision.reception.day_scheduled', 1, ReceptionDayScheduledV1);
export const ReceptionBooked = defineEvent('supervision.reception.booked', 1, ReceptionBookedV1);
export const ReceptionRecorded = defineEvent('supervision.reception.recorded', 1, ReceptionRecordedV1);
