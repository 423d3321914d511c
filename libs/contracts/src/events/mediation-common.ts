import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';

/**
 * The vocabulary of 四调衔接 shared by the mediation service and its callers: declared here once,
 * and named in the mediation domain's own words (HandoffKind, HandoffStatus…) without a copy.
 */
export const MEDIATION_HANDOFF_KINDS = ['petition_mediation', 'litigation_mediation', 'procuratorate_mediation', 'police_mediation'] as const;
export type MediationHandoffKind = (typeof MEDIATION_HANDOFF_KINDS)[number];

/** 委派 (before the court files the case) or 委托 (after filing); only for litigation_mediation. */
export const LITIGATION_STAGES = ['pre_filing', 'post_filing'] as const;
export type LitigationStageName = (typeof LITIGATION_STAGES)[number];
export const LITIGATION_PROCEDURES = ['ordinary', 'simple'] as const;
export type LitigationProcedureName = (typeof LITIGATION_PROCEDURES)[number];

export const MEDIATION_HANDOFF_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'mediator_appointed',
  'awaiting_consent',
  'consented',
  'in_session',
  'concluded_agreement',
  'concluded_failed',
  'returned',
] as const;
export type MediationHandoffStatus = (typeof MEDIATION_HANDOFF_STATUSES)[number];

/** 人民法院在线调解规则 Art 25: how a mediation without agreement ended. */
export const MEDIATION_FAILURE_ENDS = ['withdrawn', 'party_unreachable', 'refused', 'positions_too_far_apart', 'time_limit_passed', 'refused_to_sign', 'other'] as const;
export type MediationFailureEnd = (typeof MEDIATION_FAILURE_ENDS)[number];

/** 人民调解法 Art 26: the roads the parties are told about when mediation fails. */
export const MEDIATION_OTHER_ROADS = ['arbitration', 'administrative', 'judicial'] as const;
export type MediationOtherRoad = (typeof MEDIATION_OTHER_ROADS)[number];

/** What the source does with the outcome once it is returned. */
export const MEDIATION_FOLLOW_UPS = [
  'close_petition',
  'continue_petition',
  'no_filing_needed',
  'file_case',
  'mediation_document_or_withdrawal',
  'resume_proceedings',
  'close_case',
  'resume_case_handling',
] as const;
export type MediationFollowUp = (typeof MEDIATION_FOLLOW_UPS)[number];

/** Senders (petition office, court, procuratorate, police station) and receivers of handoffs. */
export const MEDIATION_ORGANISATION_KINDS = [
  'petition_office',
  'court',
  'procuratorate',
  'police_station',
  'people_mediation_committee',
  'lawyer_mediation_room',
  'professional_mediation_organisation',
] as const;
export type MediationOrganisationKindName = (typeof MEDIATION_ORGANISATION_KINDS)[number];

/** Fields every handoff fact carries, so consumers act without asking back. */
export class HandoffFactBase {
  @IsUUID() handoffId: string;
  @IsIn(MEDIATION_HANDOFF_KINDS) kind: MediationHandoffKind;
  /** The petition case it came from: required for 访调, optional for the others. */
  @IsOptional() @IsUUID() grievanceId?: string;
  /** The source's own reference: tracking code, 案号, police record number. */
  @IsString() @Length(1, 100) sourceReference: string;
  @Matches(CODE_PATTERN) sourceOrgCode: string;
  @Matches(CODE_PATTERN) targetOrgCode: string;
  @Matches(CODE_PATTERN) regionCode: string;
}

export class TimestampedHandoffFact extends HandoffFactBase {
  @IsISO8601() at: string;
}
