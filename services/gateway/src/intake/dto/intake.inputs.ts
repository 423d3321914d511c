import { Field, Float, GraphQLISODateTime, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { Allow as Whitelisted, IsOptional, ValidateNested } from 'class-validator';
import type { Channel, GrievanceStatus, ReceivingLevel } from '@yikouban/contracts';
import { ChannelEnum, GrievanceStatusEnum } from '../../grievance/dto/grievance.enums';
import { ReceivingLevelEnum } from './intake.enums';

// GraphQL checks the types; intake checks everything else with the one register DTO in
// libs/contracts and answers BAD_USER_INPUT naming the field. Here fields are only whitelisted.

@InputType('PetitionerInput', { description: '信访人 / the petitioner; leave out for an anonymous grievance' })
export class PetitionerInputType {
  @Field({ description: '姓名 / name' }) @Whitelisted() name: string;
  @Field(() => String, { nullable: true, description: '手机或座机 / mobile or landline' }) @Whitelisted() phone?: string | null;
  @Field(() => String, { nullable: true, description: '居民身份证号码 / resident ID number (GB 11643)' }) @Whitelisted() idNumber?: string | null;
  @Field(() => String, { nullable: true, description: '住址 / address' }) @Whitelisted() address?: string | null;
}

@InputType('OralStatementInput', { description: '口头信访记录 (信访工作条例 第十九条) / an oral petition written down: request, facts, reasons' })
export class OralStatementInput {
  @Field({ description: '诉求 / request' }) @Whitelisted() request: string;
  @Field({ description: '事实 / facts' }) @Whitelisted() facts: string;
  @Field({ description: '理由 / reasons' }) @Whitelisted() reasons: string;
}

@InputType('GrievanceLocationInput', { description: '事发地点 (WGS-84) / where the matter is' })
export class GrievanceLocationInput {
  @Field(() => Float) @Whitelisted() lat: number;
  @Field(() => Float) @Whitelisted() lng: number;
  @Field(() => String, { nullable: true }) @Whitelisted() address?: string | null;
}

@InputType('ChannelDetailsInput', { description: '渠道信息 / what the channel itself records; which fields a channel takes is checked by intake' })
export class ChannelDetailsInput {
  @Field(() => String, { nullable: true, description: '12345 来电编号 / hotline call id' }) @Whitelisted() callId?: string | null;
  @Field(() => String, { nullable: true, description: '录音 / hotline recording reference' }) @Whitelisted() recordingRef?: string | null;
  @Field(() => String, { nullable: true, description: '话务员 / hotline operator id' }) @Whitelisted() operatorId?: string | null;
  @Field(() => String, { nullable: true, description: '来信收件编号 / letter receipt number' }) @Whitelisted() receiptNumber?: string | null;
  @Field(() => String, { nullable: true, description: '邮戳日期 YYYY-MM-DD / postmark date' }) @Whitelisted() postmarkDate?: string | null;
  @Field(() => String, { nullable: true, description: '网格编码 / grid code' }) @Whitelisted() gridCode?: string | null;
  @Field(() => String, { nullable: true, description: '网格员 / grid worker id' }) @Whitelisted() gridWorkerId?: string | null;
  @Field(() => String, { nullable: true, description: '110 警情编号 / police incident number' }) @Whitelisted() incidentNumber?: string | null;
  @Field(() => String, { nullable: true, description: '视频接访会话 / video session id' }) @Whitelisted() sessionId?: string | null;
  @Field(() => String, { nullable: true, description: '接待窗口 / reception window' }) @Whitelisted() receptionWindow?: string | null;
  @Field(() => String, { nullable: true, description: '接访员 / clerk id' }) @Whitelisted() clerkId?: string | null;
  @Field(() => String, { nullable: true, description: '平台编号 / the online platform’s reference' }) @Whitelisted() externalRef?: string | null;
  @Field(() => String, { nullable: true, description: '平台账号 / the online account' }) @Whitelisted() account?: string | null;
}

/** What the citizen portal may send: the web channel, nothing a clerk records. */
@InputType('SubmitGrievanceInput', { description: '网上提交诉求 / a grievance submitted on the citizen portal' })
export class SubmitGrievanceInput {
  @Field(() => PetitionerInputType, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => PetitionerInputType) petitioner?: PetitionerInputType | null;
  @Field({ description: '区域编码 (村社区或镇街) / region code (village or town)' }) @Whitelisted() regionCode: string;
  @Field(() => String, { nullable: true, description: '类别编码 / category code' }) @Whitelisted() categoryCode?: string | null;
  @Field({ description: '诉求内容 (5–5000字) / what the matter is' }) @Whitelisted() description: string;
  @Field(() => Int, { nullable: true, description: '人数 / how many people raise it' }) @Whitelisted() headcount?: number | null;
  @Field(() => GrievanceLocationInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => GrievanceLocationInput) location?: GrievanceLocationInput | null;
  @Field(() => Boolean, { nullable: true, description: '检举控告公职人员 / a report against officials: the reporter is protected (Art 30)' }) @Whitelisted() accusation?: boolean | null;
}

@InputType('RegisterGrievanceInput', { description: '登记诉求 (接访员、指挥中心、对接系统) / a grievance registered by a clerk, operator or integrated system' })
export class RegisterGrievanceInput extends SubmitGrievanceInput {
  @Field(() => ChannelEnum) @Whitelisted() channel: Channel;
  @Field(() => [PetitionerInputType], { nullable: true, description: '群体访代表 (至多5人) / representatives of a group (at most 5)' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PetitionerInputType)
  representatives?: PetitionerInputType[] | null;
  @Field(() => OralStatementInput, { nullable: true, description: '来访、视频接访必填 / required for walk-in and video petitions' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OralStatementInput)
  statement?: OralStatementInput | null;
  @Field(() => ChannelDetailsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ChannelDetailsInput) channelDetails?: ChannelDetailsInput | null;
  @Field(() => ReceivingLevelEnum, { nullable: true, description: '受理机关层级，用于判断越级 / level of the receiving organ: decides skip-level (越级)' }) @Whitelisted() receivedAtLevel?: ReceivingLevel | null;
}

@InputType('GrievanceFilter', { description: '诉求筛选 (条件并列) / grievance filters, all combined' })
export class GrievanceFilterInput {
  @Field(() => [GrievanceStatusEnum], { nullable: true }) @Whitelisted() status?: GrievanceStatus[] | null;
  @Field(() => [ChannelEnum], { nullable: true }) @Whitelisted() channel?: Channel[] | null;
  @Field(() => String, { nullable: true, description: '区域及其下级 / the region and everything under it' }) @Whitelisted() regionCode?: string | null;
  @Field(() => String, { nullable: true }) @Whitelisted() categoryCode?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '受理时间起 (含) / received at or after' }) @Whitelisted() receivedFrom?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '受理时间止 (不含) / received before' }) @Whitelisted() receivedTo?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'true 重复信访, false 初信初访 / repeats only, or first-time only' }) @Whitelisted() repeat?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '越级 / skip-level' }) @Whitelisted() skipLevel?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '群体访 / collective' }) @Whitelisted() collective?: boolean | null;
}
