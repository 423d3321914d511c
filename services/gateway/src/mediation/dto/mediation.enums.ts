import { registerEnumType } from '@nestjs/graphql';
import {
  LITIGATION_PROCEDURES,
  LITIGATION_STAGES,
  MEDIATION_FAILURE_ENDS,
  MEDIATION_FOLLOW_UPS,
  MEDIATION_HANDOFF_KINDS,
  MEDIATION_HANDOFF_STATUSES,
  MEDIATION_ORGANISATION_KINDS,
  MEDIATION_OTHER_ROADS,
  MEDIATION_SPECIALITIES,
} from '@yikouban/contracts';

/** Upper-case GraphQL names over the wire values, built from the contract lists (a new value shows in the SDL diff). */
function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
}

export const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;
export const SESSION_MODES = ['on_site', 'online'] as const;
export const SIGNATURE_METHODS = ['e_signature', 'handwritten', 'seal', 'fingerprint'] as const;
export const JUDICIAL_DECISIONS = ['confirmed', 'rejected'] as const;
export const PERFORMANCE_STATUSES = ['performing', 'performed', 'breached'] as const;
export const INBOX_ROLES = ['receiver', 'confirming_court'] as const;
export const OUTCOMES = ['agreement', 'failure'] as const;

export const HandoffKindEnum = enumOf(MEDIATION_HANDOFF_KINDS);
export const HandoffStatusEnum = enumOf(MEDIATION_HANDOFF_STATUSES);
export const LitigationStageEnum = enumOf(LITIGATION_STAGES);
export const LitigationProcedureEnum = enumOf(LITIGATION_PROCEDURES);
export const FailureEndEnum = enumOf(MEDIATION_FAILURE_ENDS);
export const FollowUpEnum = enumOf(MEDIATION_FOLLOW_UPS);
export const OtherRoadEnum = enumOf(MEDIATION_OTHER_ROADS);
export const OrganisationKindEnum = enumOf(MEDIATION_ORGANISATION_KINDS);
export const SpecialityEnum = enumOf(MEDIATION_SPECIALITIES);
export const PartyRoleEnum = enumOf(PARTY_ROLES);
export const SessionModeEnum = enumOf(SESSION_MODES);
export const SignatureMethodEnum = enumOf(SIGNATURE_METHODS);
export const JudicialDecisionEnum = enumOf(JUDICIAL_DECISIONS);
export const PerformanceStatusEnum = enumOf(PERFORMANCE_STATUSES);
export const InboxRoleEnum = enumOf(INBOX_ROLES);
export const OutcomeEnum = enumOf(OUTCOMES);

registerEnumType(HandoffKindEnum, { name: 'HandoffKind', description: '四调衔接的种类：访调、诉调、检调、警调 / the four kinds of handoff' });
registerEnumType(HandoffStatusEnum, { name: 'HandoffStatus', description: '移交所处环节 / where a handoff stands' });
registerEnumType(LitigationStageEnum, { name: 'LitigationStage', description: '诉调：立案前委派或立案后委托 / pre-filing (委派) or post-filing (委托)' });
registerEnumType(LitigationProcedureEnum, { name: 'LitigationProcedure', description: '审理程序：普通或简易 / ordinary or simple procedure' });
registerEnumType(FailureEndEnum, { name: 'MediationFailureEnd', description: '调解未成的终结情形（在线调解规则第25条） / how a mediation without agreement ended' });
registerEnumType(FollowUpEnum, { name: 'MediationFollowUp', description: '结果退回后来源方的处理 / what the source does with the outcome' });
registerEnumType(OtherRoadEnum, { name: 'MediationOtherRoad', description: '告知的其他救济途径（人民调解法第26条） / roads the parties were told about' });
registerEnumType(OrganisationKindEnum, { name: 'MediationOrganisationKind', description: '移交方或调解组织的类别 / sender or mediation organisation kind' });
registerEnumType(SpecialityEnum, { name: 'MediationSpeciality', description: '擅长领域 / what a committee or mediator is good at' });
registerEnumType(PartyRoleEnum, { name: 'PartyRole', description: '申请人、被申请人、第三人 / applicant, respondent, third party' });
registerEnumType(SessionModeEnum, { name: 'SessionMode', description: '现场调解或在线调解（云调解） / on site or online' });
registerEnumType(SignatureMethodEnum, { name: 'SignatureMethod', description: '签名方式（电子签名即可） / how a party signed' });
registerEnumType(JudicialDecisionEnum, { name: 'JudicialDecision', description: '司法确认结果 / the court confirmed or rejected the agreement' });
registerEnumType(PerformanceStatusEnum, { name: 'PerformanceStatus', description: '协议履行情况 / performance of the agreement' });
registerEnumType(InboxRoleEnum, { name: 'HandoffInboxRole', description: '作为受理调解的组织或受理司法确认的法院 / as the receiving organisation or the confirming court' });
registerEnumType(OutcomeEnum, { name: 'MediationOutcome', description: '达成协议或调解未成 / agreement or failure' });
