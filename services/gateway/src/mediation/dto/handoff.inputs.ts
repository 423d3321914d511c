import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsDate,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CODE_PATTERN,
  LITIGATION_PROCEDURES,
  LITIGATION_STAGES,
  LOCAL_ID_PATTERN,
  MEDIATION_FAILURE_ENDS,
  MEDIATION_HANDOFF_KINDS,
  MEDIATION_HANDOFF_STATUSES,
  type LitigationProcedureName,
  type LitigationStageName,
  type MediationFailureEnd,
  type MediationHandoffKind,
  type MediationHandoffStatus,
} from '@yikouban/contracts';
import {
  FailureEndEnum,
  HandoffKindEnum,
  HandoffStatusEnum,
  INBOX_ROLES,
  InboxRoleEnum,
  JUDICIAL_DECISIONS,
  JudicialDecisionEnum,
  LitigationProcedureEnum,
  LitigationStageEnum,
  PARTY_ROLES,
  PartyRoleEnum,
  PERFORMANCE_STATUSES,
  PerformanceStatusEnum,
  SESSION_MODES,
  SessionModeEnum,
  SIGNATURE_METHODS,
  SignatureMethodEnum,
} from './mediation.enums';

/** Shapes only: the mediation service checks the rest and answers with its own codes and fields. */

@ArgsType()
class PageArgs {
  @Field(() => Int, { nullable: true, description: '每页条数，1–100，默认20 / page size' })
  @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;

  @Field(() => String, { nullable: true, description: '上一页的 endCursor / the endCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(200) after?: string;

  @Field(() => [HandoffStatusEnum], { nullable: true, description: '只看这些状态 / only these statuses' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsIn(MEDIATION_HANDOFF_STATUSES, { each: true }) status?: MediationHandoffStatus[];
}

@ArgsType()
export class HandoffInboxArgs extends PageArgs {
  @Field(() => InboxRoleEnum, { nullable: true, description: '法院默认看待决的司法确认，其他组织看移交给它的 / courts default to confirmations, others to handoffs sent to them' })
  @IsOptional() @IsIn(INBOX_ROLES) as?: (typeof INBOX_ROLES)[number];
}

@ArgsType()
export class SentHandoffsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: '只看某一信访事项的 / only those of one petition case' })
  @IsOptional() @IsUUID() grievanceId?: string;
}

@ArgsType()
export class HandoffArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@InputType()
export class HandoffPartyInput {
  @Field(() => String, { nullable: true, description: '当事人编号，缺省 party-<n> / defaults to party-<n>' })
  @IsOptional() @Matches(LOCAL_ID_PATTERN) id?: string;
  @Field() @IsString() @Length(1, 100) name: string;
  @Field(() => PartyRoleEnum) @IsIn(PARTY_ROLES) role: (typeof PARTY_ROLES)[number];
}

@InputType({ description: '移交调解：法院委派/委托，检察院，派出所，信访（指挥中心、承办单位） / ask for a handoff' })
export class RequestHandoffInput {
  @Field(() => ID, { nullable: true, description: '由调用方生成可安全重试 / chosen by the caller to make a retry safe' })
  @IsOptional() @IsUUID() handoffId?: string;
  @Field(() => HandoffKindEnum) @IsIn(MEDIATION_HANDOFF_KINDS) kind: MediationHandoffKind;
  @Field(() => LitigationStageEnum, { nullable: true, description: '诉调必填 / required for litigation mediation' })
  @IsOptional() @IsIn(LITIGATION_STAGES) stage?: LitigationStageName;
  @Field(() => LitigationProcedureEnum, { nullable: true, description: '立案后委托必填 / required after filing' })
  @IsOptional() @IsIn(LITIGATION_PROCEDURES) procedure?: LitigationProcedureName;
  @Field({ description: '调解组织代码 / the mediation organisation' }) @Matches(CODE_PATTERN) targetOrgCode: string;
  @Field(() => ID, { nullable: true, description: '访调必填：信访事项 / the petition case (访调)' })
  @IsOptional() @IsUUID() grievanceId?: string;
  @Field({ description: '来源方案号：受理编号、案号、警情号 / the source’s reference' }) @IsString() @Length(1, 100) sourceReference: string;
  @Field({ description: '纠纷事项 / the dispute' }) @IsString() @Length(1, 2000) matter: string;
  @Field(() => String, { nullable: true, description: '纠纷发生地，缺省为调解组织所在地 / defaults to the organisation’s region' })
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field(() => [HandoffPartyInput]) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HandoffPartyInput) parties: HandoffPartyInput[];
}

/** Every command names the handoff and may name the version it saw (CONFLICT when it moved on). */
@InputType()
export class HandoffCommandInput {
  @Field(() => ID) @IsUUID() handoffId: string;
  @Field(() => Int, { nullable: true, description: '期望的版本，不符则 CONFLICT / refuse when the handoff moved on' })
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

@InputType()
export class DeclineHandoffInput extends HandoffCommandInput {
  @Field({ description: '不予受理的理由 / why it is declined' }) @IsString() @Length(1, 1000) reason: string;
}

@InputType()
export class WithdrawHandoffInput extends HandoffCommandInput {
  @Field() @IsString() @Length(1, 1000) reason: string;
}

@InputType({ description: '核实当事人：以完整名单替换（须有申请人和被申请人），任一当事人表示是否同意调解后不可再改 / the whole list of parties again, until a party answers on consent' })
export class RecordHandoffPartiesInput extends HandoffCommandInput {
  @Field(() => [HandoffPartyInput]) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HandoffPartyInput) parties: HandoffPartyInput[];
}

@InputType({ description: '指定调解员，须先声明利益冲突（在线调解规则第13条） / appoint a mediator after the conflict-of-interest declaration' })
export class AppointMediatorInput extends HandoffCommandInput {
  @Field() @Matches(LOCAL_ID_PATTERN) mediatorId: string;
  @Field({ description: '当事人共同选定 / chosen by the parties' }) @IsBoolean() chosenByParties: boolean;
  @Field({ description: '调解员已作利益冲突声明 / the mediator declared on conflicts of interest' }) @IsBoolean() conflictOfInterestDeclared: boolean;
  @Field(() => String, { nullable: true, description: '声明的利益冲突 / conflicts declared (refused when any)' })
  @IsOptional() @IsString() @MaxLength(1000) conflicts?: string;
}

@InputType()
export class RecordConsentInput extends HandoffCommandInput {
  @Field() @Matches(LOCAL_ID_PATTERN) partyId: string;
  @Field({ description: '同意调解；拒绝即终止（人民调解法第17条） / a refusal ends it' }) @IsBoolean() consents: boolean;
}

@InputType()
export class ScheduleSessionInput extends HandoffCommandInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(LOCAL_ID_PATTERN) sessionId?: string;
  @Field(() => GraphQLISODateTime) @IsDate() at: Date;
  @Field(() => SessionModeEnum, { description: '现场或云调解 / on site or online' }) @IsIn(SESSION_MODES) mode: (typeof SESSION_MODES)[number];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) location?: string;
}

@InputType()
export class RecordSessionInput extends HandoffCommandInput {
  @Field() @Matches(LOCAL_ID_PATTERN) sessionId: string;
  @Field(() => [String], { description: '到场的当事人和调解员编号 / who took part' }) @IsArray() @ArrayMaxSize(100) @Matches(LOCAL_ID_PATTERN, { each: true }) participants: string[];
  @Field({ description: '调解笔录 / the record' }) @IsString() @MaxLength(20000) record: string;
}

@InputType()
export class AgreementPartyInput {
  @Field() @Matches(LOCAL_ID_PATTERN) partyId: string;
  @Field() @IsString() @MaxLength(100) name: string;
  @Field(() => PartyRoleEnum) @IsIn(PARTY_ROLES) role: (typeof PARTY_ROLES)[number];
}

@InputType()
export class AgreementPerformanceInput {
  @Field({ description: '履行方式 / manner' }) @IsString() @MaxLength(1000) manner: string;
  @Field({ description: '履行期限 / time of performance' }) @IsString() @MaxLength(40) deadline: string;
}

@InputType()
export class AgreementSignatureInput {
  @Field() @Matches(LOCAL_ID_PATTERN) partyId: string;
  @Field(() => GraphQLISODateTime) @IsDate() signedAt: Date;
  @Field(() => SignatureMethodEnum) @IsIn(SIGNATURE_METHODS) method: (typeof SIGNATURE_METHODS)[number];
}

@InputType({ description: '调解协议（人民调解法第29条），各方签名后生效 / the agreement, effective once every party signed' })
export class AgreementInput {
  @Field(() => [AgreementPartyInput], { nullable: true, description: '缺省为移交中的当事人 / defaults to the handoff’s parties' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AgreementPartyInput) parties?: AgreementPartyInput[];
  @Field() @IsString() @MaxLength(10000) factsAndDispute: string;
  @Field() @IsString() @MaxLength(5000) responsibilities: string;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(2000, { each: true }) terms: string[];
  @Field(() => AgreementPerformanceInput) @ValidateNested() @Type(() => AgreementPerformanceInput) performance: AgreementPerformanceInput;
  @Field(() => [AgreementSignatureInput]) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AgreementSignatureInput) signatures: AgreementSignatureInput[];
}

@InputType()
export class ConcludeWithAgreementInput extends HandoffCommandInput {
  @Field(() => AgreementInput) @ValidateNested() @Type(() => AgreementInput) agreement: AgreementInput;
}

@InputType()
export class ConcludeWithoutAgreementInput extends HandoffCommandInput {
  @Field(() => FailureEndEnum) @IsIn(MEDIATION_FAILURE_ENDS) end: MediationFailureEnd;
  @Field() @IsString() @Length(1, 1000) reason: string;
}

@InputType()
export class ExtendTimeLimitInput extends HandoffCommandInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(365) days: number;
  @Field(() => [String], { description: '同意延长的当事人（须全体） / every party must consent' }) @IsArray() @ArrayMaxSize(50) @Matches(LOCAL_ID_PATTERN, { each: true }) consentingPartyIds: string[];
}

@InputType()
export class ReturnToSourceInput extends HandoffCommandInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@InputType({ description: '申请司法确认（协议生效之日起30日内） / apply for judicial confirmation within 30 days' })
export class ApplyForJudicialConfirmationInput extends HandoffCommandInput {
  @Field({ description: '受理法院 / the court' }) @Matches(CODE_PATTERN) courtOrgCode: string;
  @Field(() => GraphQLISODateTime, { description: '当事人申请时间 / when the parties applied' }) @IsDate() at: Date;
}

@InputType()
export class DecideJudicialConfirmationInput extends HandoffCommandInput {
  @Field(() => JudicialDecisionEnum) @IsIn(JUDICIAL_DECISIONS) decision: (typeof JUDICIAL_DECISIONS)[number];
  @Field(() => GraphQLISODateTime) @IsDate() at: Date;
}

@InputType()
export class RecordPerformanceInput extends HandoffCommandInput {
  @Field(() => PerformanceStatusEnum) @IsIn(PERFORMANCE_STATUSES) status: (typeof PERFORMANCE_STATUSES)[number];
  @Field() @IsString() @MaxLength(2000) note: string;
}
