import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MediationFailureEnd, MediationFollowUp, MediationHandoffKind, MediationHandoffStatus, MediationOrganisationKindName, MediationOtherRoad } from '@yikouban/contracts';
import {
  FailureEndEnum,
  FollowUpEnum,
  HandoffKindEnum,
  HandoffStatusEnum,
  JudicialDecisionEnum,
  LitigationProcedureEnum,
  LitigationStageEnum,
  OrganisationKindEnum,
  OtherRoadEnum,
  OutcomeEnum,
  PartyRoleEnum,
  PerformanceStatusEnum,
  SessionModeEnum,
  SignatureMethodEnum,
} from './mediation.enums';

/** Wire values pass straight through (the enums map upper-case names onto them); instants become Dates in the mapper. */

@ObjectType('MediationOrganisationRef', { description: '移交方或调解组织 / the sending or receiving organisation' })
export class OrganisationRefView {
  @Field() orgCode: string;
  @Field() name: string;
  @Field(() => OrganisationKindEnum) kind: MediationOrganisationKindName;
}

@ObjectType('JudicialConfirmation', { description: '司法确认（人民调解法第33条） / judicial confirmation of the agreement' })
export class JudicialConfirmationView {
  @Field({ description: '受理申请的人民法院 / the court applied to' }) courtOrgCode: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '申请时间 / when the parties applied' }) requestedAt: Date | null;
  @Field(() => JudicialDecisionEnum, { nullable: true, description: '法院的决定，未决为空 / the decision, null while pending' }) decision: 'confirmed' | 'rejected' | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
}

@ObjectType('HandoffSummary', { description: '收件箱或移交方列表中的一行 / one row of an inbox or of the sender’s list' })
export class HandoffSummaryView {
  @Field(() => ID) id: string;
  @Field(() => HandoffKindEnum) kind: MediationHandoffKind;
  @Field(() => LitigationStageEnum, { nullable: true }) stage: string | null;
  @Field(() => LitigationProcedureEnum, { nullable: true }) procedure: string | null;
  @Field(() => HandoffStatusEnum) status: MediationHandoffStatus;
  @Field(() => ID, { nullable: true, description: '访调来源的信访事项 / the petition case of a 访调' }) grievanceId: string | null;
  @Field({ description: '来源方案号：受理编号、案号、警情号 / the source’s own reference' }) sourceReference: string;
  @Field({ description: '纠纷事项 / the dispute' }) matter: string;
  @Field() regionCode: string;
  @Field(() => OrganisationRefView) source: OrganisationRefView;
  @Field(() => OrganisationRefView) target: OrganisationRefView;
  @Field(() => String, { nullable: true }) mediatorId: string | null;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '调解期限届满时间 / when the mediation period ends' }) mediationDueAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) concludedAt: Date | null;
  @Field(() => OutcomeEnum, { nullable: true }) outcome: 'agreement' | 'failure' | null;
  @Field(() => FailureEndEnum, { nullable: true }) failureEnd: MediationFailureEnd | null;
  @Field(() => FollowUpEnum, { nullable: true, description: '结果退回后来源方的处理 / what the source does, once returned' }) followUp: MediationFollowUp | null;
  @Field(() => JudicialConfirmationView, { nullable: true }) judicialConfirmation: JudicialConfirmationView | null;
  @Field(() => Int, { description: '版本号：命令可带 expectedVersion 防止覆盖 / grows with every command' }) version: number;
}

@ObjectType('HandoffParty')
export class PartyView {
  @Field() id: string;
  @Field() name: string;
  @Field(() => PartyRoleEnum) role: string;
}

@ObjectType('MediationTimeLimit', { description: '调解期限及其依据 / the mediation period and its source' })
export class TimeLimitView {
  @Field(() => Int) amount: number;
  @Field({ description: 'natural_days or working_days' }) unit: string;
  @Field() source: string;
}

@ObjectType('HandoffDeclined')
export class DeclinedView {
  @Field() reason: string;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ObjectType('AppointedMediator', { description: '选定或指定的调解员及利益冲突声明 / the mediator and the conflict-of-interest declaration' })
export class AppointedMediatorView {
  @Field() mediatorId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field({ description: '当事人共同选定 / chosen by the parties' }) chosenByParties: boolean;
  @Field() conflictOfInterestDeclared: boolean;
  @Field(() => GraphQLISODateTime) appointedAt: Date;
}

@ObjectType('PartyConsent', { description: '当事人是否同意调解（人民调解法第17条） / a party’s consent to mediation' })
export class ConsentView {
  @Field() partyId: string;
  @Field() consents: boolean;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ObjectType('MediationSessionRecord', { description: '调解记录 / who took part and what was said' })
export class SessionRecordView {
  @Field(() => [String]) participants: string[];
  @Field() record: string;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}

@ObjectType('MediationSession', { description: '调解会议，现场或在线（云调解） / a session, on site or online' })
export class SessionView {
  @Field() sessionId: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => SessionModeEnum) mode: string;
  @Field(() => String, { nullable: true }) location?: string;
  @Field(() => SessionRecordView, { nullable: true, description: '已召开的记录 / the record once held' }) held?: SessionRecordView;
}

@ObjectType('TimeLimitExtension', { description: '经当事人同意延长调解期限 / an extension the parties agreed to' })
export class ExtensionView {
  @Field(() => Int) days: number;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => [String]) consentingPartyIds: string[];
}

@ObjectType('AgreementParty')
export class AgreementPartyView {
  @Field() partyId: string;
  @Field() name: string;
  @Field(() => PartyRoleEnum) role: string;
}

@ObjectType('AgreementPerformanceTerms', { description: '履行方式和期限 / manner and time of performance' })
export class PerformanceTermsView {
  @Field() manner: string;
  @Field() deadline: string;
}

@ObjectType('AgreementSignature', { description: '当事人签名记录（电子签名即可） / a party’s signature record' })
export class SignatureView {
  @Field() partyId: string;
  @Field(() => GraphQLISODateTime) signedAt: Date;
  @Field(() => SignatureMethodEnum) method: string;
}

@ObjectType('AgreementMediator')
export class AgreementMediatorView {
  @Field() id: string;
  @Field() name: string;
}

@ObjectType('AgreementOrganisation')
export class AgreementOrganisationView {
  @Field() orgCode: string;
  @Field() name: string;
}

@ObjectType('MediationAgreement', { description: '调解协议书（人民调解法第29条） / the agreement with the fields of Art 29' })
export class AgreementView {
  @Field(() => ID) id: string;
  @Field(() => [AgreementPartyView]) parties: AgreementPartyView[];
  @Field({ description: '纠纷的主要事实、争议事项 / facts and dispute' }) factsAndDispute: string;
  @Field({ description: '各方当事人的责任 / responsibilities' }) responsibilities: string;
  @Field(() => [String], { description: '协议内容 / terms' }) terms: string[];
  @Field(() => PerformanceTermsView) performance: PerformanceTermsView;
  @Field(() => AgreementMediatorView) mediator: AgreementMediatorView;
  @Field(() => AgreementOrganisationView) organisation: AgreementOrganisationView;
  @Field(() => [SignatureView]) signatures: SignatureView[];
}

@ObjectType('MediationConclusion')
export class ConclusionView {
  @Field(() => OutcomeEnum) outcome: 'agreement' | 'failure';
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => FailureEndEnum, { nullable: true }) end?: MediationFailureEnd;
  @Field(() => String, { nullable: true }) reason?: string;
}

@ObjectType('OtherRoad', { description: '告知当事人的其他途径 / a road the parties were told about' })
export class OtherRoadView {
  @Field(() => OtherRoadEnum) road: MediationOtherRoad;
  @Field() zh: string;
  @Field() en: string;
}

@ObjectType('PerformanceRecord', { description: '协议履行回访 / a follow-up on performance' })
export class PerformanceRecordView {
  @Field(() => PerformanceStatusEnum) status: string;
  @Field() note: string;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ObjectType('HandoffReturn', { description: '结果退回来源方 / the outcome returned to the source' })
export class ReturnView {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => FollowUpEnum) followUp: MediationFollowUp;
  @Field(() => String, { nullable: true }) note?: string;
  @Field({ description: '中文 / Chinese' }) labelZh: string;
  @Field({ description: 'English' }) labelEn: string;
}

@ObjectType('HandoffActor')
export class ActorView {
  @Field() userId: string;
  @Field() orgCode: string;
}

@ObjectType('HandoffTimelineEntry', { description: '卷宗流程记录 / one step in the file' })
export class TimelineEntryView {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field() command: string;
  @Field(() => HandoffStatusEnum, { nullable: true }) from: MediationHandoffStatus | null;
  @Field(() => HandoffStatusEnum) to: MediationHandoffStatus;
  @Field(() => ActorView) actor: ActorView;
}

@ObjectType('Handoff', { description: '四调衔接移交的卷宗 / the whole file of one handoff' })
export class HandoffView extends HandoffSummaryView {
  @Field(() => [PartyView]) parties: PartyView[];
  @Field(() => TimeLimitView) timeLimit: TimeLimitView;
  @Field(() => DeclinedView, { nullable: true }) declined: DeclinedView | null;
  @Field(() => AppointedMediatorView, { nullable: true }) mediator: AppointedMediatorView | null;
  @Field(() => [ConsentView]) consents: ConsentView[];
  @Field(() => [SessionView]) sessions: SessionView[];
  @Field(() => [ExtensionView]) extensions: ExtensionView[];
  @Field(() => AgreementView, { nullable: true }) agreement: AgreementView | null;
  @Field(() => ConclusionView, { nullable: true }) conclusion: ConclusionView | null;
  @Field(() => [OtherRoadView], { description: '调解未成时告知的途径 / on failure, the other roads' }) otherRoads: OtherRoadView[];
  @Field(() => [PerformanceRecordView]) performance: PerformanceRecordView[];
  @Field(() => ReturnView, { nullable: true }) returned: ReturnView | null;
  @Field(() => [TimelineEntryView]) timeline: TimelineEntryView[];
  @Field(() => [String], { description: '当前状态允许的命令 / commands the current status admits' }) commandsAllowed: string[];
}

@ObjectType('HandoffEdge')
export class HandoffEdgeView {
  @Field({ description: '从此行之后继续 / pass as `after` to continue after this row' }) cursor: string;
  @Field(() => HandoffSummaryView) node: HandoffSummaryView;
}

@ObjectType('HandoffPageInfo')
export class HandoffPageInfoView {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('HandoffConnection', { description: '按移交时间倒序分页 / newest first, Relay-style' })
export class HandoffConnectionView {
  @Field(() => [HandoffEdgeView]) edges: HandoffEdgeView[];
  @Field(() => HandoffPageInfoView) pageInfo: HandoffPageInfoView;
}

@ObjectType('MediationStatsRow', { description: '一组移交的统计 / figures of one group of handoffs' })
export class StatsRowView {
  @Field({ description: '种类、组织或区划代码；合计为 all / the kind, organisation or region; all for the total' }) key: string;
  @Field(() => String, { nullable: true, description: '组织名称 / organisation name (byOrganisation only)' }) name?: string;
  @Field(() => Int, { description: '期间内办结数 / concluded in the period' }) concluded: number;
  @Field(() => Int, { description: '达成协议数 / with agreement' }) agreements: number;
  @Field(() => Float, { description: '调解成功率 0–1 / agreements ÷ concluded' }) successRate: number;
  @Field(() => Float, { nullable: true, description: '平均用时（天） / mean days from request to conclusion' }) meanDurationDays: number | null;
}

@ObjectType('MediationStatistics', { description: '调解统计 / count, success rate and mean duration' })
export class StatsView {
  @Field(() => GraphQLISODateTime) from: Date;
  @Field(() => GraphQLISODateTime) to: Date;
  @Field(() => StatsRowView) total: StatsRowView;
  @Field(() => [StatsRowView]) byKind: StatsRowView[];
  @Field(() => [StatsRowView]) byOrganisation: StatsRowView[];
  @Field(() => [StatsRowView]) byRegion: StatsRowView[];
}

@ObjectType('MediationOrganisation', { description: '调解组织或移交机关 / a mediation organisation or a sender' })
export class MediationOrganisationView {
  @Field() code: string;
  @Field() name: string;
  @Field() nameEn: string;
  @Field(() => OrganisationKindEnum) kind: MediationOrganisationKindName;
  @Field() regionCode: string;
  @Field(() => [String], { description: '擅长领域 / specialities' }) specialities: string[];
}

@ObjectType('Mediator', { description: '调解员及其擅长领域 / a mediator and what they are good at' })
export class MediatorView {
  @Field() id: string;
  @Field() name: string;
  @Field() orgCode: string;
  @Field(() => [String]) specialities: string[];
  @Field() active: boolean;
}
