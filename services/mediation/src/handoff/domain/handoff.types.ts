import {
  MEDIATION_COMMAND_TYPES,
  MEDIATION_FAILURE_ENDS,
  MEDIATION_HANDOFF_KINDS,
  MEDIATION_HANDOFF_STATUSES,
  type LitigationProcedureName,
  type LitigationStageName,
  type MediationCommandType,
  type MediationFailureEnd,
  type MediationFollowUp,
  type MediationHandoffKind,
  type MediationHandoffStatus,
  type MediationOtherRoad,
} from '@yikouban/contracts';
import type { MediationAgreement } from './agreement';
import type { TimeLimit } from './time-limits';

/** A user-facing label: Chinese first, English beside it. */
export interface Label {
  zh: string;
  en: string;
}

/*
 * The vocabulary the wire also speaks (kinds, stages, statuses, failure ends, roads, follow-ups,
 * commands) is declared once, in @yikouban/contracts; the domain names it in its own words.
 */

/** 四调衔接: the four roads a case crosses between petition work, mediation and the justice system. */
export const HANDOFF_KINDS = MEDIATION_HANDOFF_KINDS;
export type HandoffKind = MediationHandoffKind;

export const HANDOFF_KIND_LABELS: Readonly<Record<HandoffKind, Label>> = {
  petition_mediation: { zh: '访调对接', en: 'petition–mediation' },
  litigation_mediation: { zh: '诉调对接', en: 'litigation–mediation' },
  procuratorate_mediation: { zh: '检调对接', en: 'procuratorate–mediation' },
  police_mediation: { zh: '警调对接', en: 'police–mediation' },
};

/** 委派 (before the court files the case) or 委托 (after filing). */
export type LitigationStage = LitigationStageName;
export type LitigationProcedure = LitigationProcedureName;

/**
 * The kind with what decides its time limit and its way back. The procedure only exists once a case
 * is filed, so it is required for post-filing mediation and absent before (人民法院在线调解规则 Art 24).
 */
export type HandoffRoute =
  | { kind: 'petition_mediation' }
  | { kind: 'litigation_mediation'; stage: 'pre_filing' }
  | { kind: 'litigation_mediation'; stage: 'post_filing'; procedure: LitigationProcedure }
  | { kind: 'procuratorate_mediation' }
  | { kind: 'police_mediation' };

/**
 * mediator_appointed: nobody has answered yet; awaiting_consent: some parties consented, others not yet;
 * consented: every party agreed, so sessions may be scheduled (人民调解法 Art 17);
 * in_session: at least one session is scheduled.
 */
export const HANDOFF_STATUSES = MEDIATION_HANDOFF_STATUSES;
export type HandoffStatus = MediationHandoffStatus;

/** 人民法院在线调解规则 Art 25: how a mediation that produced no agreement ended. */
export const FAILURE_ENDS = MEDIATION_FAILURE_ENDS;
export type FailureEnd = MediationFailureEnd;

export const FAILURE_END_LABELS: Readonly<Record<FailureEnd, Label>> = {
  withdrawn: { zh: '当事人撤回调解申请', en: 'withdrawn by a party' },
  party_unreachable: { zh: '无法联系到当事人', en: 'a party cannot be reached' },
  refused: { zh: '当事人拒绝调解', en: 'a party refused mediation' },
  positions_too_far_apart: { zh: '当事人意见分歧较大，难以达成调解协议', en: 'positions too far apart' },
  time_limit_passed: { zh: '调解期限届满，未达成调解协议', en: 'time limit passed without agreement' },
  refused_to_sign: { zh: '当事人拒绝在调解协议上签章', en: 'a party refused to sign the agreement' },
  other: { zh: '其他导致调解无法进行的情形', en: 'other reasons' },
};

/** Who sends a case to mediation. */
export const SOURCE_ORGANISATION_KINDS = ['petition_office', 'court', 'procuratorate', 'police_station'] as const;
export type SourceOrganisationKind = (typeof SOURCE_ORGANISATION_KINDS)[number];

/**
 * Who mediates. A people's mediation committee includes the industry and professional committees
 * (医调委, 交调委…); professional_mediation_organisation covers other court-invited organisations
 * (特邀调解组织, e.g. commercial mediation).
 */
export const MEDIATION_ORGANISATION_KINDS = ['people_mediation_committee', 'lawyer_mediation_room', 'professional_mediation_organisation'] as const;
export type MediationOrganisationKind = (typeof MEDIATION_ORGANISATION_KINDS)[number];

/** Which organisations may send and receive each kind. */
export const HANDOFF_ORGANISATIONS: Readonly<
  Record<HandoffKind, { source: readonly SourceOrganisationKind[]; target: readonly MediationOrganisationKind[] }>
> = {
  petition_mediation: { source: ['petition_office'], target: ['people_mediation_committee', 'lawyer_mediation_room'] },
  litigation_mediation: { source: ['court'], target: ['people_mediation_committee', 'lawyer_mediation_room', 'professional_mediation_organisation'] },
  procuratorate_mediation: { source: ['procuratorate'], target: ['people_mediation_committee', 'lawyer_mediation_room'] },
  // 人民调解法 Art 18: police refer disputes to people's mediation (驻所人民调解室 belongs to a committee).
  police_mediation: { source: ['police_station'], target: ['people_mediation_committee'] },
};

export interface OrganisationRef<K extends string> {
  orgCode: string;
  name: string;
  kind: K;
}

export type PartyRole = 'applicant' | 'respondent' | 'third_party';

export interface HandoffParty {
  id: string;
  name: string;
  role: PartyRole;
}

/** The person who issued a command and the organisation they acted for. */
export interface Actor {
  userId: string;
  orgCode: string;
}

export interface MediatorAppointment {
  mediatorId: string;
  chosenByParties: boolean;
  /** Always true: an appointment without a conflict-of-interest declaration is refused (在线调解规则 Art 13). */
  conflictOfInterestDeclared: true;
  appointedAt: string;
}

export interface ConsentRecord {
  partyId: string;
  consents: boolean;
  at: string;
}

export type SessionMode = 'on_site' | 'online';

export interface MediationSession {
  sessionId: string;
  at: string;
  mode: SessionMode;
  location?: string;
  /** Set when the session has been held: the work record kept in the file (人民调解法 Art 27). */
  held?: { participants: readonly string[]; record: string; recordedAt: string };
}

export interface TimeLimitExtension {
  days: number;
  at: string;
  consentingPartyIds: readonly string[];
}

/** 人民调解法 Art 26: the roads the parties are told about when mediation fails. */
export type OtherRoad = MediationOtherRoad;

export type HandoffConclusion =
  | { outcome: 'agreement'; at: string }
  | { outcome: 'failure'; end: FailureEnd; reason: string; at: string; otherRoads: readonly OtherRoad[] };

export type JudicialConfirmationDecision = 'confirmed' | 'rejected';

export interface JudicialConfirmation {
  courtOrgCode: string;
  requestedAt: string;
  decision?: JudicialConfirmationDecision;
  decidedAt?: string;
}

export type PerformanceStatus = 'performing' | 'performed' | 'breached';

export interface PerformanceRecord {
  status: PerformanceStatus;
  note: string;
  at: string;
}

/** What the source does with the outcome once it comes back. */
export type SourceFollowUp = MediationFollowUp;

export interface ReturnRecord {
  at: string;
  followUp: SourceFollowUp;
  note?: string;
}

/** Steps of the sending side outside the receiver's state machine: creating a handoff, recalling it unaccepted. */
export type SourceStep = 'request' | 'withdraw_request';

/** The commands of the receiver's state machine: the wire's commands less the source's recall. */
export type HandoffCommandType = Exclude<MediationCommandType, SourceStep>;
export const HANDOFF_COMMAND_TYPES: readonly HandoffCommandType[] = MEDIATION_COMMAND_TYPES.filter((t): t is HandoffCommandType => t !== 'withdraw_request');

/** One line of the handoff's history: every transition, with who did it and when. */
export interface HandoffTimelineEntry {
  at: string;
  command: HandoffCommandType | SourceStep;
  from: HandoffStatus | null;
  to: HandoffStatus;
  actor: Actor;
}

/** The whole handoff as plain JSON-ready data; instants are ISO-8601 strings. */
export interface HandoffState {
  id: string;
  route: HandoffRoute;
  status: HandoffStatus;
  source: OrganisationRef<SourceOrganisationKind>;
  target: OrganisationRef<MediationOrganisationKind>;
  /** The source's own reference: grievance id, court case number (案号), police record number. */
  sourceReference: string;
  /** What the dispute is about, as the source described it. */
  matter: string;
  parties: readonly HandoffParty[];
  requestedAt: string;
  timeLimit: TimeLimit;
  acceptedAt?: string;
  /** First instant after the mediation period (natural days, extensions included). */
  mediationDueAt?: string;
  declined?: { reason: string; at: string };
  mediator?: MediatorAppointment;
  consents: readonly ConsentRecord[];
  sessions: readonly MediationSession[];
  extensions: readonly TimeLimitExtension[];
  agreement?: MediationAgreement;
  conclusion?: HandoffConclusion;
  judicialConfirmation?: JudicialConfirmation;
  performance: readonly PerformanceRecord[];
  returned?: ReturnRecord;
  timeline: readonly HandoffTimelineEntry[];
}
