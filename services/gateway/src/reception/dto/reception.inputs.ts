import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  CIVIL_DATE_PATTERN,
  CODE_PATTERN,
  EVALUATION_VOTES,
  IsChinesePhone,
  IsResidentIdNumber,
  EVALUATOR_KINDS,
  PUBLIC_EVALUATION_STATUSES,
  RECEPTION_OUTCOMES,
  RECEPTION_SLOTS,
  TRACKING_CODE_PATTERN,
  type EvaluationVote,
  type EvaluatorKind,
  type ReceptionOutcome,
  type ReceptionSlot,
} from '@yikouban/contracts';
import { EvaluationVoteEnum, EvaluatorKindEnum, PublicEvaluationStatusEnum, ReceptionOutcomeEnum, ReceptionSlotEnum } from './reception.enums';

const normaliseCode = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

@ArgsType()
export class ReceptionRotaArgs {
  @Field({ description: '起始日期 YYYY-MM-DD / from' }) @Matches(CIVIL_DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' }) from: string;
  @Field({ description: '结束日期 YYYY-MM-DD / to' }) @Matches(CIVIL_DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' }) to: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) leaderId?: string;
}

@InputType({ description: '领导接访排班（1+1：领导配法律顾问）/ a leader’s reception day with a legal adviser' })
export class ScheduleReceptionDayInput {
  @Field() @IsString() @Length(1, 100) leaderId: string;
  @Field() @IsString() @Length(1, 100) leaderName: string;
  @Field({ description: '领导所在单位代码 / organisation code' }) @Matches(CODE_PATTERN, { message: 'orgCode is not a code' }) orgCode: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN, { message: 'regionCode is not a code' }) regionCode?: string;
  @Field({ description: '接访日期 YYYY-MM-DD / the day' }) @Matches(CIVIL_DATE_PATTERN, { message: 'day must be a date YYYY-MM-DD' }) day: string;
  @Field(() => ReceptionSlotEnum) @IsIn(RECEPTION_SLOTS) slot: ReceptionSlot;
  @Field({ description: '接访地点 / where' }) @IsString() @Length(1, 200) place: string;
  @Field() @IsString() @Length(1, 100) legalAdviserId: string;
  @Field() @IsString() @Length(1, 100) legalAdviserName: string;
  @Field(() => Int, { description: '可预约人数 / appointments the slot takes' }) @IsInt() @Min(1) @Max(50) capacity: number;
}

@InputType({ description: '为信访人预约领导接访（受理编号或事项编号）/ book a grievance on a reception slot' })
export class BookReceptionInput {
  @Field(() => ID) @IsUUID('all', { message: 'receptionDayId is not an id' }) receptionDayId: string;
  @Field({ nullable: true, description: '受理编号 / tracking code' })
  @IsOptional()
  @Transform(normaliseCode)
  @Matches(TRACKING_CODE_PATTERN, { message: '受理编号格式不正确 / trackingCode is not a tracking code' })
  trackingCode?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'grievanceId is not an id' }) grievanceId?: string;
}

@InputType({ description: '接访台账登记 / the ledger entry after the meeting' })
export class RecordReceptionInput {
  @Field(() => ID) @IsUUID('all', { message: 'appointmentId is not an id' }) appointmentId: string;
  @Field({ description: '接待对象（加密保存，脱敏显示）/ who was received; stored encrypted, shown masked' }) @IsString() @Length(1, 500) whoReceived: string;
  @Field(() => String, { nullable: true, description: '联系电话（加密保存）/ phone of who was received; stored encrypted' }) @IsOptional() @IsChinesePhone() phone?: string;
  @Field(() => String, { nullable: true, description: '身份证号（加密保存）/ resident ID number; stored encrypted' }) @IsOptional() @IsResidentIdNumber() idNumber?: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(500) headcount: number;
  @Field({ description: '诉求与接谈情况 / what was said' }) @IsString() @Length(1, 5000) summary: string;
  @Field(() => ReceptionOutcomeEnum) @IsIn(RECEPTION_OUTCOMES) outcome: ReceptionOutcome;
  @Field({ nullable: true, description: '法律顾问意见 / the legal adviser’s advice' }) @IsOptional() @IsString() @Length(1, 5000) legalAdvice?: string;
  @Field({ nullable: true, description: '承诺事项 / what was promised' }) @IsOptional() @IsString() @Length(1, 2000) promise?: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '承诺期限（督查计时）/ by when (supervision runs a clock)' }) @IsOptional() promisedBy?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '接访时间，默认现在 / when it took place' }) @IsOptional() receivedAt?: Date;
}

@ArgsType()
export class RevealReceptionRecordArgs {
  @Field(() => ID, { description: '接访台账记录 / the ledger entry' }) @IsUUID('all', { message: 'receptionRecordId is not an id' }) receptionRecordId: string;
  @Field({ description: '查看理由（记入审计）/ why the identity is needed; kept in the audit record' })
  @IsString()
  @Length(4, 500, { message: 'reason must say why, in 4 to 500 characters' })
  reason: string;
}

@InputType({ description: '评议员 / an evaluator' })
export class EvaluatorInput {
  @Field() @IsString() @Length(1, 100) id: string;
  @Field() @IsString() @Length(1, 100) name: string;
  @Field(() => EvaluatorKindEnum) @IsIn(EVALUATOR_KINDS) kind: EvaluatorKind;
}

@InputType({ description: '发起阳光信访公开评议 / open a public evaluation of a contested matter' })
export class OpenPublicEvaluationInput {
  @Field({ description: '受理编号 / tracking code' })
  @Transform(normaliseCode)
  @Matches(TRACKING_CODE_PATTERN, { message: '受理编号格式不正确 / trackingCode is not a tracking code' })
  trackingCode: string;
  @Field({ description: '评议事项 / the contested question' }) @IsString() @Length(1, 2000) matter: string;
  @Field(() => [EvaluatorInput], { description: '评议团（至少 3 人）/ the panel, at least three' })
  @ArrayMinSize(3)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EvaluatorInput)
  panel: EvaluatorInput[];
  @Field(() => Int, { nullable: true, description: '法定人数，默认评议团过半数 / quorum, default a majority of the panel' }) @IsOptional() @IsInt() @Min(1) @Max(100) quorum?: number;
}

@InputType({ description: '记录评议员投票 / record an evaluator’s vote' })
export class RecordEvaluationVoteInput {
  @Field(() => ID) @IsUUID('all', { message: 'publicEvaluationId is not an id' }) publicEvaluationId: string;
  @Field() @IsString() @Length(1, 100) evaluatorId: string;
  @Field(() => EvaluationVoteEnum) @IsIn(EVALUATION_VOTES) vote: EvaluationVote;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 2000) remarks?: string;
}

@InputType({ description: '结束评议并形成评议意见 / conclude and record the opinion' })
export class ConcludePublicEvaluationInput {
  @Field(() => ID) @IsUUID('all', { message: 'publicEvaluationId is not an id' }) publicEvaluationId: string;
  @Field({ nullable: true, description: '对信访人和党委政府的意见建议 / recommendations' }) @IsOptional() @IsString() @Length(1, 5000) recommendations?: string;
}

@ArgsType()
export class PublicEvaluationArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id is not an id' }) id: string;
}

@ArgsType()
export class PublicEvaluationsArgs {
  @Field(() => PublicEvaluationStatusEnum, { nullable: true, description: '只看进行中或已结束（不填为全部）/ only open or concluded ones' })
  @IsOptional()
  @IsIn(PUBLIC_EVALUATION_STATUSES)
  state?: 'open' | 'concluded';

  @Field(() => ID, { nullable: true, description: '只看该事项 / only this grievance' })
  @IsOptional()
  @IsUUID('all', { message: 'grievanceId is not an id' })
  grievanceId?: string;

  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100） / page size' }) @IsInt() @Min(1) @Max(100) first: number;
  @Field(() => String, { nullable: true, description: '上一页的 endCursor / the previous page’s endCursor' }) @IsOptional() @IsString() @Length(1, 200) after?: string;
}
