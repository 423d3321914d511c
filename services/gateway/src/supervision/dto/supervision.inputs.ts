import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  BOARD_KINDS,
  CIVIL_DATE_PATTERN,
  CODE_PATTERN,
  EVALUATION_RESULTS,
  INDICATOR_GROUPS,
  REVIEW_CONCLUSIONS,
  REVIEW_LEVELS,
  TRACKING_CODE_PATTERN,
  type BoardKind,
  type EvaluationResult,
  type IndicatorGroup,
  type ReviewConclusion,
  type ReviewLevel,
} from '@yikouban/contracts';
import { BoardKindEnum, EvaluationResultEnum, IndicatorGroupEnum, ReviewConclusionEnum, ReviewLevelEnum, STAFF_EVALUATION_CHANNELS, StaffEvaluationChannelEnum } from './supervision.enums';

/** Codes are upper case; typed in lower case or with spaces they still match. */
const normaliseCode = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

@ArgsType()
export class TrackingCodeArgs {
  @Field({ description: '受理编号 / tracking code' })
  @Transform(normaliseCode)
  @Matches(TRACKING_CODE_PATTERN, { message: '受理编号格式不正确 / trackingCode is not a tracking code' })
  trackingCode: string;
}

@InputType({ isAbstract: true })
class CaseInput {
  @Field({ description: '受理编号 / tracking code' })
  @Transform(normaliseCode)
  @Matches(TRACKING_CODE_PATTERN, { message: '受理编号格式不正确 / trackingCode is not a tracking code' })
  trackingCode: string;
}

@InputType({ isAbstract: true })
class CitizenInput extends CaseInput {
  @Field({ description: '查询密码（受理时发放）/ the secret given at submission' })
  @IsString()
  @Length(6, 32)
  secret: string;
}

@InputType({ description: '工作人员记录的回访评价 / an evaluation staff recorded on a return-visit call or visit' })
export class EvaluateGrievanceInput extends CaseInput {
  @Field(() => EvaluationResultEnum) @IsIn(EVALUATION_RESULTS) result: EvaluationResult;
  @Field({ description: '问题是否解决 / is the problem solved' }) @IsBoolean() resolved: boolean;
  @Field(() => StaffEvaluationChannelEnum) @IsIn(STAFF_EVALUATION_CHANNELS) channel: (typeof STAFF_EVALUATION_CHANNELS)[number];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

@InputType({ description: '群众自行评价 / the citizen evaluates with code and secret' })
export class EvaluateMyGrievanceInput extends CitizenInput {
  @Field(() => EvaluationResultEnum) @IsIn(EVALUATION_RESULTS) result: EvaluationResult;
  @Field() @IsBoolean() resolved: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

@InputType({ description: '不满意重办 / send a not-satisfied answer back to the unit' })
export class RequestReworkInput extends CaseInput {
  @Field() @IsString() @Length(1, 2000) reason: string;
}

@InputType({ description: '办结 / close the matter' })
export class CloseGrievanceInput extends CaseInput {
  @Field({ description: '信访人承诺息诉罢访 / the petitioner committed to cease' }) @IsBoolean() ceaseCommitment: boolean;
  @Field({ nullable: true, description: '未经评价办结时必填 / required when closing without an evaluation' }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

@InputType({ description: '登记复查（复核）请求 / record a review request' })
export class RequestReviewInput extends CaseInput {
  @Field(() => ReviewLevelEnum, { nullable: true, description: '省略时为下一可请求的级别 / the next open level when omitted' }) @IsOptional() @IsIn(REVIEW_LEVELS) level?: ReviewLevel;
  @Field() @IsString() @Length(1, 5000) reason: string;
  @Field({ nullable: true, description: '信访人提出请求的时间（如来信日期），默认现在 / when the petitioner asked; default now' })
  @IsOptional()
  @IsISO8601()
  requestedAt?: string;
}

@InputType({ description: '群众自行请求复查（复核）/ the citizen asks for a review' })
export class RequestMyReviewInput extends CitizenInput {
  @Field(() => ReviewLevelEnum, { nullable: true }) @IsOptional() @IsIn(REVIEW_LEVELS) level?: ReviewLevel;
  @Field() @IsString() @Length(1, 5000) reason: string;
}

@InputType({ description: '上级机关答复复查（复核）/ the organ above answers the pending request' })
export class AnswerReviewInput extends CaseInput {
  @Field(() => ReviewConclusionEnum) @IsIn(REVIEW_CONCLUSIONS) conclusion: ReviewConclusion;
  @Field() @IsString() @Length(1, 10000) opinion: string;
}

@InputType({ description: '超期 / 临期看板筛选 / overdue board filter' })
export class OverdueBoardFilter {
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field({ nullable: true, description: '单位编码；单位用户固定为本单位 / unit code; a unit sees only its own' }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field(() => BoardKindEnum, { nullable: true }) @IsOptional() @IsIn(BOARD_KINDS) kind?: BoardKind;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

@InputType({ description: '指标筛选：区域、单位、类别、期间 / indicator filter' })
export class IndicatorFilter {
  @Field({ description: '开始日期（含）YYYY-MM-DD / first day' }) @Matches(CIVIL_DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' }) from: string;
  @Field({ description: '结束日期（含）YYYY-MM-DD / last day' }) @Matches(CIVIL_DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' }) to: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @Field(() => IndicatorGroupEnum, { nullable: true }) @IsOptional() @IsIn(INDICATOR_GROUPS) groupBy?: IndicatorGroup;
}
