import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import type { AssignmentRole, Channel, ClockSummary, GrievanceStatus } from '@yikouban/contracts';
import { AssignmentRoleEnum, ChannelEnum, ClockStateEnum, GrievanceStatusEnum } from './grievance.enums';

@ObjectType({ description: '交办 / an organisation assigned to handle the grievance' })
export class AssignmentView {
  @Field(() => AssignmentRoleEnum) role: AssignmentRole;
  @Field({ description: 'code of the handling unit (承办单位)' }) unitCode: string;
  @Field({ description: 'name of the handling unit' }) unitName: string;
  @Field({ description: 'created, accepted, in_progress, replied, awaiting_reassignment, disputed, reassigned, handed_over, redirected, closed' }) status: string;
}

@ObjectType({ description: '办理时限 / the deadline clock the grievance currently runs against' })
export class DeadlineView {
  @Field({ description: 'the step the clock measures, e.g. acceptance or handling' }) step: string;
  @Field({ description: 'the deadline policy that set it' }) policyCode: string;
  @Field(() => ClockStateEnum) state: ClockSummary['state'];
  @Field(() => GraphQLISODateTime) startedAt: Date;
  @Field(() => GraphQLISODateTime) dueAt: Date;
}

@ObjectType({ description: '诉求 / one grievance as its tracking page and the board show it' })
export class GrievanceView {
  /** Not in the schema: the key the field resolvers (triage) batch on. */
  grievanceId: string;
  @Field() trackingCode: string;
  @Field(() => GrievanceStatusEnum) status: GrievanceStatus;
  @Field(() => ChannelEnum) channel: Channel;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true }) categoryCode: string | null;
  @Field(() => Int, { description: 'how many people raised it (群体访 when large)' }) headcount: number;
  @Field(() => GraphQLISODateTime) receivedAt: Date;
  @Field(() => [AssignmentView]) assignments: AssignmentView[];
  @Field(() => AssignmentView, { nullable: true, description: 'the unit that leads the handling (主办), if assigned' }) leadUnit: AssignmentView | null;
  @Field(() => DeadlineView, { nullable: true, description: 'the earliest-due deadline still counting (running, paused or breached), if any' }) deadline: DeadlineView | null;
  @Field(() => [DeadlineView], { description: 'every deadline still counting, earliest first (handling, feedback, mediation steps…)' }) deadlines: DeadlineView[];
}
