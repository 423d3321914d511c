import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { DEADLINE_EXTENSION_STATUSES, MAX_EXTENSION_DAYS, type DeadlineExtensionStatus } from '@yikouban/contracts';
import { OversightPageInfoView } from '../../oversight/dto/oversight.views';

export enum DeadlineExtensionStatusEnum {
  PENDING = 'pending',
  APPROVED = 'approved',
  REFUSED = 'refused',
}
registerEnumType(DeadlineExtensionStatusEnum, { name: 'DeadlineExtensionStatus', description: '延期申请状态 / where an extension request stands' });

@ArgsType()
export class RequestDeadlineExtensionArgs {
  @Field(() => ID, { description: '事项 ID / the grievance' })
  @IsUUID('all', { message: 'grievanceId must be a grievance id' })
  grievanceId: string;

  @Field(() => Int, { description: `延长天数，不超过${MAX_EXTENSION_DAYS}日 / days to add, at most ${MAX_EXTENSION_DAYS}` })
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(MAX_EXTENSION_DAYS, { message: `延长期限不得超过${MAX_EXTENSION_DAYS}日 / days must be at most ${MAX_EXTENSION_DAYS}` })
  days: number;

  @Field({ description: '延期理由 / why more time is needed' })
  @IsString()
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason: string;
}

@ArgsType()
export class DecideDeadlineExtensionArgs {
  @Field(() => ID, { description: '延期申请 ID / the request' })
  @IsUUID('all', { message: 'requestId must be a request id' })
  requestId: string;

  @Field({ description: '批准或驳回 / approve (true) or refuse (false)' })
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: '审批意见 / the decision note' })
  @IsOptional()
  @IsString()
  @Length(1, 1000, { message: 'note must be 1 to 1000 characters' })
  note?: string | null;
}

@ObjectType('DeadlineExtension', { description: '办理期限延期申请（信访工作条例 第三十四条）/ a request to extend the handling deadline' })
export class DeadlineExtensionView {
  @Field(() => ID) id: string;
  @Field(() => ID) grievanceId: string;
  @Field(() => String, { nullable: true, description: '事项查询码（督查已收到受理信息时）/ the tracking code, once supervision knows it' }) trackingCode: string | null;
  @Field(() => ID) clockId: string;
  @Field(() => Int) days: number;
  @Field() reason: string;
  @Field(() => DeadlineExtensionStatusEnum) status: DeadlineExtensionStatus;
  @Field() requestedBy: string;
  @Field(() => String, { nullable: true }) requestedOrg: string | null;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => GraphQLISODateTime, { description: '申请时的期限 / the due date when asked' }) previousDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '批准后的期限 / the due date after approval' }) newDueAt: Date | null;
}

@ArgsType()
export class DeadlineExtensionRequestsArgs {
  @Field(() => DeadlineExtensionStatusEnum, { nullable: true, description: '只看该状态（不填为全部）/ only requests in this state' })
  @IsOptional()
  @IsIn(DEADLINE_EXTENSION_STATUSES)
  state?: DeadlineExtensionStatus;

  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100） / page size' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number;

  @Field(() => String, { nullable: true, description: '上一页的 endCursor / the previous page’s endCursor' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  after?: string;
}

@ObjectType('DeadlineExtensionEdge')
export class DeadlineExtensionEdgeView {
  @Field({ description: '从此行之后继续 / pass as `after` to continue after this row' }) cursor: string;
  @Field(() => DeadlineExtensionView) node: DeadlineExtensionView;
}

@ObjectType('DeadlineExtensionConnection', { description: '按申请时间倒序 / newest first, Relay-style' })
export class DeadlineExtensionConnectionView {
  @Field(() => [DeadlineExtensionEdgeView]) edges: DeadlineExtensionEdgeView[];
  @Field(() => OversightPageInfoView) pageInfo: OversightPageInfoView;
}
