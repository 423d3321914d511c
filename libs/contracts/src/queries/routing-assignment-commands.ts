import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { ReplyLetter, RoutingActor } from '../events/routing-assignment-common';
import type { AssignmentView, HandoverView } from './routing-workbench-views';

/** A command by a unit on one of its assignments. Refusals: BAD_REQUEST, NOT_FOUND, FORBIDDEN, CONFLICT with the domain's code first in the message. */
class AssignmentCommand {
  @IsOptional() @IsIn([1]) v?: 1;
  @IsUUID() assignmentId: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

export class AcceptAssignment extends AssignmentCommand {}

/** 退回: misrouted, with the reason, within 5 working days of the assignment (第二十三条). */
export class ReturnAssignment extends AssignmentCommand {
  @IsString() @Length(1, 1000) reason: string;
}

export class RecordProgress extends AssignmentCommand {
  @IsString() @Length(1, 5000) note: string;
}

/** 外送服务 for urgent matters: who goes, and when they are expected on site. */
export class DispatchOnSite extends AssignmentCommand {
  @IsString() @Length(1, 200) team: string;
  @IsISO8601() expectedArrivalAt: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** A co-unit's (协办) text for the lead unit's reply; refused once the lead has replied. */
export class ContributeToReply extends AssignmentCommand {
  @IsString() @Length(1, 5000) text: string;
}

/** The lead unit's 处理意见书; co-units' contributions are attached. */
export class ReplyToGrievance extends AssignmentCommand {
  @ValidateNested() @Type(() => ReplyLetter) letter: ReplyLetter;
}

/** 包案: a leader takes personal charge of the case. */
export class SetCaseLeader extends AssignmentCommand {
  @IsString() @Length(1, 50) leaderName: string;
  @IsString() @Length(1, 100) leaderTitle: string;
}

/** 首接负责制: ask another unit to take the case; the asking unit keeps it until the answer. */
export class RequestHandover extends AssignmentCommand {
  @Matches(CODE_PATTERN) toOrgCode: string;
  @IsString() @Length(1, 1000) reason: string;
}

/** The command centre gives a returned assignment to another unit. */
export class ReassignAssignment extends AssignmentCommand {
  @Matches(CODE_PATTERN) toOrgCode: string;
  @IsString() @Length(1, 1000) reason: string;
}

class HandoverCommand {
  @IsOptional() @IsIn([1]) v?: 1;
  @IsUUID() handoverId: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

export class AcceptHandover extends HandoverCommand {}

export class DeclineHandover extends HandoverCommand {
  @IsString() @Length(1, 1000) reason: string;
}

export const RoutingAcceptAssignment = defineQuery<AcceptAssignment, AssignmentView>('routing.assignment.accept', AcceptAssignment);
export const RoutingReturnAssignment = defineQuery<ReturnAssignment, AssignmentView>('routing.assignment.return', ReturnAssignment);
export const RoutingRecordProgress = defineQuery<RecordProgress, AssignmentView>('routing.assignment.progress', RecordProgress);
export const RoutingDispatchOnSite = defineQuery<DispatchOnSite, AssignmentView>('routing.assignment.dispatch', DispatchOnSite);
export const RoutingContributeToReply = defineQuery<ContributeToReply, AssignmentView>('routing.assignment.contribute', ContributeToReply);
export const RoutingReplyToGrievance = defineQuery<ReplyToGrievance, AssignmentView>('routing.assignment.reply', ReplyToGrievance);
export const RoutingSetCaseLeader = defineQuery<SetCaseLeader, AssignmentView>('routing.assignment.set_case_leader', SetCaseLeader);
/** Answers the new assignment (status created). */
export const RoutingReassignAssignment = defineQuery<ReassignAssignment, AssignmentView>('routing.assignment.reassign', ReassignAssignment);
export const RoutingRequestHandover = defineQuery<RequestHandover, HandoverView>('routing.handover.request', RequestHandover);
/** Answers the receiving unit's new assignment (status accepted). */
export const RoutingAcceptHandover = defineQuery<AcceptHandover, AssignmentView>('routing.handover.accept', AcceptHandover);
export const RoutingDeclineHandover = defineQuery<DeclineHandover, HandoverView>('routing.handover.decline', DeclineHandover);
