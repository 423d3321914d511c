import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsDate, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  ASSIGNMENT_STATUSES,
  CODE_PATTERN,
  COMPLEXITIES,
  QUEUE_STATUSES,
  REDIRECT_TARGETS,
  REPLY_CONCLUSIONS,
  STATUTORY_PATHS,
  WARNING_COLOURS,
  type AssignmentStatusName,
  type Complexity,
  type QueueStatus,
  type RedirectTarget,
  type ReplyConclusion,
  type StatutoryPath,
  type WarningColour,
} from '@yikouban/contracts';
import { AssignmentStatusEnum, ComplexityEnum, DISPUTE_STATUSES, DisputeStatusEnum, QueueStatusEnum, RedirectTargetEnum, ReplyConclusionEnum, StatutoryPathEnum, WarningColourEnum } from './workbench.enums';

/** Shapes only, with the contracts' bounds: routing checks the rest and answers with its own codes and fields. */

@ArgsType()
class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: '每页条数，1–100 / page size' })
  @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;

  @Field(() => String, { nullable: true, description: '上一页的 endCursor / the endCursor of the previous page' })
  @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class MyAssignmentsArgs extends PageArgs {
  @Field(() => [AssignmentStatusEnum], { nullable: true, description: '只看这些状态 / only these statuses' })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsIn(ASSIGNMENT_STATUSES, { each: true }) status?: AssignmentStatusName[];
}

@ArgsType()
export class AssignmentQueueArgs extends PageArgs {
  @Field(() => [QueueStatusEnum], { nullable: true, description: '缺省两者都看 / both when omitted' })
  @IsOptional() @IsArray() @ArrayMaxSize(2) @IsIn(QUEUE_STATUSES, { each: true }) status?: QueueStatus[];
}

@ArgsType()
export class AssignmentIdArgs {
  @Field(() => ID, { description: '交办事项 / the assignment' }) @IsUUID() id: string;
}

@ArgsType()
export class ReturnAssignmentArgs extends AssignmentIdArgs {
  @Field({ description: '退回理由：为何不属本单位办理 / why it is not this unit’s to handle' }) @IsString() @Length(1, 1000) reason: string;
}

@ArgsType()
export class ReportProgressArgs extends AssignmentIdArgs {
  @Field({ description: '办理进展 / what was done' }) @IsString() @Length(1, 5000) note: string;
}

@ArgsType()
export class DispatchOnSiteArgs extends AssignmentIdArgs {
  @Field({ description: '外送服务小组 / who goes' }) @IsString() @Length(1, 200) team: string;
  @Field(() => GraphQLISODateTime, { description: '预计到达时间 / expected on site at' }) @IsDate() expectedArrivalAt: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@ArgsType()
export class ContributeToReplyArgs extends AssignmentIdArgs {
  @Field({ description: '协办意见 / the co-unit’s text for the lead’s reply' }) @IsString() @Length(1, 5000) text: string;
}

@InputType({ description: '信访处理意见书（第三十二条） / the written reply' })
export class ReplyLetterInput {
  @Field({ description: '信访请求 / the request' }) @IsString() @Length(1, 2000) request: string;
  @Field({ description: '事实 / facts' }) @IsString() @Length(1, 10000) facts: string;
  @Field({ description: '理由 / reasons' }) @IsString() @Length(1, 5000) reasons: string;
  @Field({ description: '处理意见 / opinion' }) @IsString() @Length(1, 5000) opinion: string;
  @Field(() => [String], { description: '法律法规及政策依据 / legal basis' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) legalBasis: string[];
  @Field(() => ReplyConclusionEnum) @IsIn(REPLY_CONCLUSIONS) conclusion: ReplyConclusion;
}

@ArgsType()
export class ReplyToAssignmentArgs extends AssignmentIdArgs {
  @Field(() => ReplyLetterInput) @ValidateNested() @Type(() => ReplyLetterInput) input: ReplyLetterInput;
}

@ArgsType()
export class SetCaseLeaderArgs extends AssignmentIdArgs {
  @Field({ description: '包案领导姓名 / the leader' }) @IsString() @Length(1, 50) leaderName: string;
  @Field({ description: '职务 / title' }) @IsString() @Length(1, 100) leaderTitle: string;
}

@ArgsType()
export class RequestHandoverArgs extends AssignmentIdArgs {
  @Field({ description: '接收单位 / the unit asked to take the case' }) @Matches(CODE_PATTERN) toUnitCode: string;
  @Field() @IsString() @Length(1, 1000) reason: string;
}

@ArgsType()
export class HandoverIdArgs {
  @Field(() => ID) @IsUUID() handoverId: string;
}

@ArgsType()
export class DeclineHandoverArgs extends HandoverIdArgs {
  @Field() @IsString() @Length(1, 1000) reason: string;
}

@ArgsType()
export class ReassignAssignmentArgs extends AssignmentIdArgs {
  @Field({ description: '改派给的单位 / the unit to give it to' }) @Matches(CODE_PATTERN) toUnitCode: string;
  @Field() @IsString() @Length(1, 1000) reason: string;
}

@ArgsType()
export class RedirectGrievanceArgs {
  @Field(() => ID) @IsUUID() grievanceId: string;
  @Field(() => RedirectTargetEnum) @IsIn(REDIRECT_TARGETS) to: RedirectTarget;
  @Field({ description: '接收的机关 / the body that takes it' }) @Matches(CODE_PATTERN) targetUnitCode: string;
  @Field() @IsString() @Length(1, 1000) reason: string;
}

@ArgsType()
export class OverrideTriageArgs {
  @Field(() => ID) @IsUUID() grievanceId: string;
  @Field(() => StatutoryPathEnum, { nullable: true }) @IsOptional() @IsIn(STATUTORY_PATHS) statutoryPath?: StatutoryPath;
  @Field(() => ComplexityEnum, { nullable: true }) @IsOptional() @IsIn(COMPLEXITIES) complexity?: Complexity;
  @Field(() => WarningColourEnum, { nullable: true }) @IsOptional() @IsIn(WARNING_COLOURS) colour?: WarningColour;
  @Field({ description: '调整理由（必填，记录在案） / why; kept with the new decision' }) @IsString() @Length(1, 400) reason: string;
}

@ArgsType()
export class JurisdictionDisputesArgs {
  @Field(() => DisputeStatusEnum, { nullable: true }) @IsOptional() @IsIn(DISPUTE_STATUSES) status?: (typeof DISPUTE_STATUSES)[number];
}

@ArgsType()
export class DecideJurisdictionArgs {
  @Field(() => ID) @IsUUID() disputeId: string;
  @Field({ description: '决定的主办单位 / who leads' }) @Matches(CODE_PATTERN) leadUnitCode: string;
  @Field(() => [String], { nullable: true, description: '协办单位 / who co-handles' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(CODE_PATTERN, { each: true }) coUnitCodes?: string[];
  @Field() @IsString() @Length(1, 2000) reason: string;
}
