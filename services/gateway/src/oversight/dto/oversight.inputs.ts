import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CODE_PATTERN, NOTICE_LEVELS, NOTICE_STATES, NOTICE_VERDICTS, TRACKING_CODE_PATTERN, type NoticeLevel, type NoticeState, type NoticeVerdict } from '@yikouban/contracts';
import { NoticeLevelEnum, NoticeStateEnum, NoticeVerdictEnum } from './oversight.enums';

/** Codes are upper case; typed in lower case or with spaces they still match. */
const normaliseCode = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const normaliseCodes = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => normaliseCode({ value: v })) : value);
const TRACKING_MESSAGE = '受理编号格式不正确 / trackingCode is not a tracking code';

@InputType({ description: '签发督办单 / issue a supervision notice to the handling unit' })
export class IssueNoticeInput {
  @Field({ description: '受理编号 / tracking code' }) @Transform(normaliseCode) @Matches(TRACKING_CODE_PATTERN, { message: TRACKING_MESSAGE }) trackingCode: string;
  @Field(() => NoticeLevelEnum) @IsIn(NOTICE_LEVELS) level: NoticeLevel;
  @Field({ description: '挂牌督办（须定整改期限）/ listed, with a deadline to fix' }) @IsBoolean() listed: boolean;
  @Field({ nullable: true, description: '督办对象，默认主办单位 / the unit; default the lead unit' }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field({ description: '督办要求 / the demands' }) @IsString() @Length(1, 5000) demands: string;
  @Field(() => Int, { description: '书面答复期限（工作日）/ working days for the written response' }) @IsInt() @Min(1) @Max(60) respondWithinWorkingDays: number;
  @Field(() => Int, { nullable: true, description: '整改期限（工作日），挂牌督办必填 / working days to fix; required when listed' })
  @ValidateIf((o: IssueNoticeInput) => o.listed || o.fixWithinWorkingDays !== undefined)
  @IsInt()
  @Min(1)
  @Max(180)
  fixWithinWorkingDays?: number;
}

@InputType({ description: '承办单位书面答复督办单 / the unit’s written response' })
export class RespondToNoticeInput {
  @Field(() => ID) @IsUUID() noticeId: string;
  @Field({ description: '办理情况 / what was done' }) @IsString() @Length(1, 10000) actions: string;
  @Field({ description: '办理结果 / the result' }) @IsString() @Length(1, 5000) result: string;
}

@InputType({ description: '督办单位审核答复 / the issuing body accepts or rejects the response' })
export class ReviewNoticeResponseInput {
  @Field(() => ID) @IsUUID() noticeId: string;
  @Field(() => NoticeVerdictEnum) @IsIn(NOTICE_VERDICTS) verdict: NoticeVerdict;
  @Field({ nullable: true, description: '退回理由（退回时必填）/ why, required to reject' }) @IsOptional() @IsString() @Length(1, 5000) note?: string;
  @Field(() => Int, { nullable: true, description: '退回后再次答复期限（工作日）/ working days for the next response' }) @IsOptional() @IsInt() @Min(1) @Max(60) respondWithinWorkingDays?: number;
}

@InputType({ description: '督办单筛选 / notice filter' })
export class NoticeFilter {
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field({ nullable: true, description: '单位编码；单位用户固定为本单位 / unit code; a unit sees only its own' }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(normaliseCode) @Matches(TRACKING_CODE_PATTERN, { message: TRACKING_MESSAGE }) trackingCode?: string;
  @Field(() => NoticeLevelEnum, { nullable: true }) @IsOptional() @IsIn(NOTICE_LEVELS) level?: NoticeLevel;
  @Field(() => NoticeStateEnum, { nullable: true }) @IsOptional() @IsIn(NOTICE_STATES) state?: NoticeState;
  @Field({ nullable: true, description: '仅超期（或仅未超期）/ only overdue (or only not overdue)' }) @IsOptional() @IsBoolean() overdue?: boolean;
}

@InputType({ description: '领导包案 / a leader owns the case' })
export class AssignCaseOwnerInput {
  @Field({ description: '受理编号 / tracking code' }) @Transform(normaliseCode) @Matches(TRACKING_CODE_PATTERN, { message: TRACKING_MESSAGE }) trackingCode: string;
  @Field({ nullable: true, description: '包案领导账号；领导本人包案时可省略 / the leader; default yourself when you are one' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  leaderUserId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) leaderName?: string;
  @Field({ description: '化解方案 / the plan' }) @IsString() @Length(1, 5000) plan: string;
}

@InputType({ description: '积案筛选 / backlog filter' })
export class BacklogFilter {
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field(() => Int, { nullable: true, description: '超过多少天（默认60日办理期限）/ age threshold in days, default 60' }) @IsOptional() @IsInt() @Min(1) @Max(3650) minAgeDays?: number;
  @Field(() => Int, { nullable: true, description: '重复信访次数（默认3）/ repeat threshold, default 3' }) @IsOptional() @IsInt() @Min(1) @Max(100) minRepeats?: number;
  @Field({ nullable: true, description: '仅已包案（或仅未包案）/ only owned (or only unowned)' }) @IsOptional() @IsBoolean() owned?: boolean;
}

@InputType({ description: '新建专项治理 / create a campaign' })
export class CreateCampaignInput {
  @Field() @IsString() @Length(1, 200) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 5000) description?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field(() => [String], { nullable: true, description: '纳入的事项受理编号 / tracking codes to include' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Transform(normaliseCodes)
  @Matches(TRACKING_CODE_PATTERN, { each: true, message: TRACKING_MESSAGE })
  trackingCodes?: string[];
}

@InputType({ description: '向专项治理添加事项 / add cases to a campaign' })
export class AddToCampaignInput {
  @Field(() => ID) @IsUUID() campaignId: string;
  @Field(() => [String]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @Transform(normaliseCodes) @Matches(TRACKING_CODE_PATTERN, { each: true, message: TRACKING_MESSAGE }) trackingCodes: string[];
}

/** Relay-style paging arguments shared by the lists here. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class NoticeListArgs extends PageArgs {
  @Field(() => NoticeFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NoticeFilter) filter?: NoticeFilter;
}

@ArgsType()
export class BacklogListArgs extends PageArgs {
  @Field(() => BacklogFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => BacklogFilter) filter?: BacklogFilter;
}
