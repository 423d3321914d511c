import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import {
  LITIGATION_PROCEDURES,
  LITIGATION_STAGES,
  MEDIATION_FAILURE_ENDS,
  MEDIATION_HANDOFF_KINDS,
  type LitigationProcedureName,
  type LitigationStageName,
  type MediationFailureEnd,
  type MediationHandoffKind,
} from '../events/mediation-common';
import { HandoffConcludeAgreementCommand } from './mediation-agreement-input';
import type { HandoffView } from './mediation-views';

/** Ids the caller picks for parties, sessions and mediators: short, no spaces. */
export const LOCAL_ID_PATTERN = /^[A-Za-z0-9_-]{1,60}$/;

/** Payloads of commands may say which version they speak; only 1 exists. */
class Versioned {
  @IsOptional() @IsIn([1]) v?: 1;
}

export class MediationActor {
  @IsString() @Length(1, 100) userId: string;
  @Matches(CODE_PATTERN) orgCode: string;
}

/** Names and roles only: identity numbers and phones stay in intake's vault. */
export class HandoffPartyInput {
  @IsOptional() @Matches(LOCAL_ID_PATTERN) id?: string;
  @IsString() @Length(1, 100) name: string;
  @IsIn(['applicant', 'respondent', 'third_party']) role: 'applicant' | 'respondent' | 'third_party';
}

export class RequestHandoff extends Versioned {
  /** Chosen by the caller to make a retry safe: the same id returns the handoff already made. */
  @IsOptional() @IsUUID() handoffId?: string;
  @IsIn(MEDIATION_HANDOFF_KINDS) kind: MediationHandoffKind;
  @ValidateIf((o: RequestHandoff) => o.kind === 'litigation_mediation' || o.stage !== undefined) @IsIn(LITIGATION_STAGES) stage?: LitigationStageName;
  @ValidateIf((o: RequestHandoff) => o.stage === 'post_filing' || o.procedure !== undefined) @IsIn(LITIGATION_PROCEDURES) procedure?: LitigationProcedureName;
  @Matches(CODE_PATTERN) sourceOrgCode: string;
  @Matches(CODE_PATTERN) targetOrgCode: string;
  @ValidateIf((o: RequestHandoff) => o.kind === 'petition_mediation' || o.grievanceId !== undefined) @IsUUID() grievanceId?: string;
  @IsString() @Length(1, 100) sourceReference: string;
  @IsString() @Length(1, 2000) matter: string;
  /** Where the dispute is; defaults to the receiving organisation's region. */
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HandoffPartyInput) parties: HandoffPartyInput[];
  @ValidateNested() @Type(() => MediationActor) by: MediationActor;
}

export const MEDIATION_COMMAND_TYPES = [
  'accept',
  'decline',
  /** The receiving organisation replaces the parties (e.g. 访调's placeholders) until any consent is recorded. */
  'record_parties',
  'appoint_mediator',
  'record_consent',
  'schedule_session',
  'record_session',
  'conclude_agreement',
  'conclude_failure',
  'extend_time_limit',
  'request_judicial_confirmation',
  'record_judicial_confirmation',
  'record_performance',
  'return_to_source',
  /** The source recalls a handoff nobody has accepted yet. */
  'withdraw_request',
] as const;
export type MediationCommandType = (typeof MEDIATION_COMMAND_TYPES)[number];

/** What an unknown `type` is validated as: the error names the allowed types. */
export class HandoffUnknownCommand {
  @IsIn(MEDIATION_COMMAND_TYPES) type: MediationCommandType;
}
export class HandoffAcceptCommand {
  @IsIn(['accept']) type: 'accept';
}
export class HandoffDeclineCommand {
  @IsIn(['decline']) type: 'decline';
  @IsString() @Length(1, 1000) reason: string;
}
/**
 * 核实当事人: the whole list again, checked as a request's parties (an applicant and a respondent at
 * least); names and roles only, like the request's.
 */
export class HandoffRecordPartiesCommand {
  @IsIn(['record_parties']) type: 'record_parties';
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HandoffPartyInput) parties: HandoffPartyInput[];
}
/** 在线调解规则 Art 13: the mediator declares on conflicts of interest before the appointment. */
export class HandoffAppointMediatorCommand {
  @IsIn(['appoint_mediator']) type: 'appoint_mediator';
  @Matches(LOCAL_ID_PATTERN) mediatorId: string;
  @IsBoolean() chosenByParties: boolean;
  @IsBoolean() conflictOfInterestDeclared: boolean;
  @IsOptional() @IsString() @MaxLength(1000) conflicts?: string;
}
export class HandoffRecordConsentCommand {
  @IsIn(['record_consent']) type: 'record_consent';
  @Matches(LOCAL_ID_PATTERN) partyId: string;
  @IsBoolean() consents: boolean;
}
export class HandoffScheduleSessionCommand {
  @IsIn(['schedule_session']) type: 'schedule_session';
  /** Defaults to session-<n>. */
  @IsOptional() @Matches(LOCAL_ID_PATTERN) sessionId?: string;
  @IsISO8601() at: string;
  @IsIn(['on_site', 'online']) mode: 'on_site' | 'online';
  @IsOptional() @IsString() @MaxLength(200) location?: string;
}
export class HandoffRecordSessionCommand {
  @IsIn(['record_session']) type: 'record_session';
  @Matches(LOCAL_ID_PATTERN) sessionId: string;
  @IsArray() @ArrayMaxSize(100) @Matches(LOCAL_ID_PATTERN, { each: true }) participants: string[];
  @IsString() @MaxLength(20000) record: string;
}
export class HandoffConcludeFailureCommand {
  @IsIn(['conclude_failure']) type: 'conclude_failure';
  @IsIn(MEDIATION_FAILURE_ENDS) end: MediationFailureEnd;
  @IsString() @Length(1, 1000) reason: string;
}
export class HandoffExtendTimeLimitCommand {
  @IsIn(['extend_time_limit']) type: 'extend_time_limit';
  @IsInt() @Min(1) @Max(365) days: number;
  @IsArray() @ArrayMaxSize(50) @Matches(LOCAL_ID_PATTERN, { each: true }) consentingPartyIds: string[];
}
export class HandoffRequestJudicialConfirmationCommand {
  @IsIn(['request_judicial_confirmation']) type: 'request_judicial_confirmation';
  @Matches(CODE_PATTERN) courtOrgCode: string;
  /** When the parties applied. */
  @IsISO8601() at: string;
}
export class HandoffRecordJudicialConfirmationCommand {
  @IsIn(['record_judicial_confirmation']) type: 'record_judicial_confirmation';
  @IsIn(['confirmed', 'rejected']) decision: 'confirmed' | 'rejected';
  @IsISO8601() at: string;
}
export class HandoffRecordPerformanceCommand {
  @IsIn(['record_performance']) type: 'record_performance';
  @IsIn(['performing', 'performed', 'breached']) status: 'performing' | 'performed' | 'breached';
  @IsString() @MaxLength(2000) note: string;
}
export class HandoffReturnToSourceCommand {
  @IsIn(['return_to_source']) type: 'return_to_source';
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}
export class HandoffWithdrawRequestCommand {
  @IsIn(['withdraw_request']) type: 'withdraw_request';
  @IsString() @Length(1, 1000) reason: string;
}

export type MediationCommand =
  | HandoffAcceptCommand
  | HandoffDeclineCommand
  | HandoffRecordPartiesCommand
  | HandoffAppointMediatorCommand
  | HandoffRecordConsentCommand
  | HandoffScheduleSessionCommand
  | HandoffRecordSessionCommand
  | HandoffConcludeAgreementCommand
  | HandoffConcludeFailureCommand
  | HandoffExtendTimeLimitCommand
  | HandoffRequestJudicialConfirmationCommand
  | HandoffRecordJudicialConfirmationCommand
  | HandoffRecordPerformanceCommand
  | HandoffReturnToSourceCommand
  | HandoffWithdrawRequestCommand;

const SUB_TYPES: { value: new () => object; name: MediationCommandType }[] = [
  { value: HandoffAcceptCommand, name: 'accept' },
  { value: HandoffDeclineCommand, name: 'decline' },
  { value: HandoffRecordPartiesCommand, name: 'record_parties' },
  { value: HandoffAppointMediatorCommand, name: 'appoint_mediator' },
  { value: HandoffRecordConsentCommand, name: 'record_consent' },
  { value: HandoffScheduleSessionCommand, name: 'schedule_session' },
  { value: HandoffRecordSessionCommand, name: 'record_session' },
  { value: HandoffConcludeAgreementCommand, name: 'conclude_agreement' },
  { value: HandoffConcludeFailureCommand, name: 'conclude_failure' },
  { value: HandoffExtendTimeLimitCommand, name: 'extend_time_limit' },
  { value: HandoffRequestJudicialConfirmationCommand, name: 'request_judicial_confirmation' },
  { value: HandoffRecordJudicialConfirmationCommand, name: 'record_judicial_confirmation' },
  { value: HandoffRecordPerformanceCommand, name: 'record_performance' },
  { value: HandoffReturnToSourceCommand, name: 'return_to_source' },
  { value: HandoffWithdrawRequestCommand, name: 'withdraw_request' },
];

/** One command on one handoff, by someone acting for an organisation. */
export class ActOnHandoff extends Versioned {
  @IsUUID() handoffId: string;
  @ValidateNested() @Type(() => MediationActor) by: MediationActor;
  /** Refuse with CONFLICT when the handoff has moved on since the caller looked (optional). */
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
  @ValidateNested()
  @Type(() => HandoffUnknownCommand, { discriminator: { property: 'type', subTypes: SUB_TYPES }, keepDiscriminatorProperty: true })
  command: MediationCommand;
}

/** Answers the new handoff, or BAD_REQUEST / FORBIDDEN / CONFLICT with the domain's code in message and fields. */
export const MediationRequestHandoff = defineQuery<RequestHandoff, HandoffView>('mediation.handoff.request', RequestHandoff);
export const MediationActOnHandoff = defineQuery<ActOnHandoff, HandoffView>('mediation.handoff.act', ActOnHandoff);
