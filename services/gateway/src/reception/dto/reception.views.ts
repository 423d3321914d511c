import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EvaluationVote, EvaluatorKind, PublicEvaluationOpinion, ReceptionOutcome, ReceptionSlot } from '@yikouban/contracts';
import { OversightPageInfoView } from '../../oversight/dto/oversight.views';
import { AppointmentStatusEnum, EvaluationVoteEnum, EvaluatorKindEnum, PublicEvaluationOpinionEnum, PublicEvaluationStatusEnum, ReceptionOutcomeEnum, ReceptionSlotEnum } from './reception.enums';

@ObjectType('ReceptionRecord', { description: '接访台账 / the reception ledger entry' })
export class ReceptionRecordView {
  @Field(() => ID) id: string;
  @Field({ description: '接待对象（脱敏）/ who was received, masked (张*丰)' }) whoReceived: string;
  @Field(() => String, { nullable: true, description: '联系电话（脱敏）/ phone, masked (138****0000)' }) phone: string | null;
  @Field(() => String, { nullable: true, description: '身份证号（脱敏）/ ID number, masked' }) idNumber: string | null;
  @Field(() => Int) headcount: number;
  @Field() summary: string;
  @Field(() => ReceptionOutcomeEnum) outcome: ReceptionOutcome;
  @Field(() => String, { nullable: true }) legalAdvice: string | null;
  @Field(() => String, { nullable: true, description: '承诺事项 / what was promised' }) promise: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '承诺期限 / by when' }) promisedBy: Date | null;
  @Field(() => String, { nullable: true, description: '督查时限（承诺）/ the clock supervision runs on the promise' }) clockId: string | null;
  @Field(() => GraphQLISODateTime) receivedAt: Date;
}

@ObjectType('RevealedReceptionRecord', { description: '查看接访台账中的完整身份 / a ledger entry’s personal information unmasked, already in the audit log' })
export class RevealedReceptionRecordView {
  @Field(() => ID) receptionRecordId: string;
  @Field(() => ID) appointmentId: string;
  @Field(() => ID, { description: '审计记录 / the audit record of this read' }) auditId: string;
  @Field({ description: '接待对象 / who was received' }) whoReceived: string;
  @Field(() => String, { nullable: true, description: '联系电话 / phone' }) phone: string | null;
  @Field(() => String, { nullable: true, description: '身份证号 / ID number' }) idNumber: string | null;
  @Field(() => GraphQLISODateTime) revealedAt: Date;
}

@ObjectType('ReceptionAppointment', { description: '领导接访预约 / an appointment on a reception slot' })
export class ReceptionAppointmentView {
  @Field(() => ID) id: string;
  @Field(() => ID) receptionDayId: string;
  @Field(() => String, { nullable: true, description: '受理编号 / tracking code' }) trackingCode: string | null;
  @Field({ description: '初信初访 / first-time grievance' }) firstTime: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '初信初访领导接访期限 / the first-time window for a leader’s reception' }) receptionDueAt: Date | null;
  @Field(() => String, { nullable: true }) policyCode: string | null;
  @Field(() => AppointmentStatusEnum) status: 'booked' | 'received';
  @Field(() => GraphQLISODateTime) bookedAt: Date;
  @Field(() => ReceptionRecordView, { nullable: true }) record: ReceptionRecordView | null;
}

@ObjectType('ReceptionDay', { description: '领导接访日（领导 + 法律顾问）/ a leader’s reception slot with a legal adviser' })
export class ReceptionDayView {
  @Field(() => ID) id: string;
  @Field() leaderId: string;
  @Field() leaderName: string;
  @Field() orgCode: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field({ description: 'YYYY-MM-DD' }) day: string;
  @Field(() => ReceptionSlotEnum) slot: ReceptionSlot;
  @Field(() => GraphQLISODateTime) slotStartsAt: Date;
  @Field() place: string;
  @Field() legalAdviserId: string;
  @Field({ description: '法律顾问 / the legal adviser (1+1)' }) legalAdviserName: string;
  @Field(() => Int) capacity: number;
  @Field(() => Int) booked: number;
  @Field(() => [ReceptionAppointmentView]) appointments: ReceptionAppointmentView[];
}

@ObjectType('PublicEvaluator', { description: '评议员及其投票 / an evaluator and the vote recorded' })
export class EvaluatorView {
  @Field() id: string;
  @Field() name: string;
  @Field(() => EvaluatorKindEnum) kind: EvaluatorKind;
  @Field(() => EvaluationVoteEnum, { nullable: true }) vote: EvaluationVote | null;
  @Field(() => String, { nullable: true }) remarks: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) votedAt: Date | null;
}

@ObjectType('PublicEvaluationTally', { description: '计票 / the count' })
export class EvaluationTallyView {
  @Field(() => Int) support: number;
  @Field(() => Int) oppose: number;
  @Field(() => Int) abstain: number;
  @Field(() => Int) notVoted: number;
}

@ObjectType('PublicEvaluation', { description: '阳光信访公开评议 / a public evaluation of a contested matter' })
export class PublicEvaluationView {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) trackingCode: string | null;
  @Field() matter: string;
  @Field(() => PublicEvaluationStatusEnum) status: 'open' | 'concluded';
  @Field(() => Int, { description: '法定人数 / quorum' }) quorum: number;
  @Field(() => [EvaluatorView]) panel: EvaluatorView[];
  @Field(() => EvaluationTallyView) tally: EvaluationTallyView;
  @Field(() => PublicEvaluationOpinionEnum, { nullable: true }) opinion: PublicEvaluationOpinion | null;
  @Field({ description: '评议规则：达到法定人数、以有效票（弃权除外）过半数为准 / the rule: quorum, then a majority of votes cast' }) rule: string;
  @Field(() => String, { nullable: true }) recommendations: string | null;
  @Field(() => GraphQLISODateTime) openedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) concludedAt: Date | null;
}

@ObjectType('PublicEvaluationEdge')
export class PublicEvaluationEdgeView {
  @Field({ description: '从此行之后继续 / pass as `after` to continue after this row' }) cursor: string;
  @Field(() => PublicEvaluationView) node: PublicEvaluationView;
}

@ObjectType('PublicEvaluationConnection', { description: '按发起时间倒序 / newest first, Relay-style' })
export class PublicEvaluationConnectionView {
  @Field(() => [PublicEvaluationEdgeView]) edges: PublicEvaluationEdgeView[];
  @Field(() => OversightPageInfoView) pageInfo: OversightPageInfoView;
}
