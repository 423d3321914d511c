import { ArgsType, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { CODE_PATTERN, type AssignmentRole, type Channel } from '@yikouban/contracts';
import { AssignmentRoleEnum, ChannelEnum } from '../../grievance/dto/grievance.enums';

/** What happened to an assignment, in the words of routing's facts. */
export const ASSIGNMENT_CHANGE_KINDS = ['created', 'accepted', 'returned', 'progressed', 'replied', 'reassigned'] as const;
export type AssignmentChangeKind = (typeof ASSIGNMENT_CHANGE_KINDS)[number];
export const AssignmentChangeKindEnum = Object.fromEntries(ASSIGNMENT_CHANGE_KINDS.map((k) => [k.toUpperCase(), k])) as Record<string, AssignmentChangeKind>;
registerEnumType(AssignmentChangeKindEnum, { name: 'AssignmentChangeKind', description: '交办变化 / 交办、签收、退回、办理、答复、改派 — what happened to an assignment' });

@ObjectType({ description: '新收诉求 / a grievance just received, as the live board shows it (no personal information)' })
export class LiveGrievance {
  @Field() trackingCode: string;
  @Field(() => ChannelEnum) channel: Channel;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true }) categoryCode: string | null;
  @Field(() => Int, { description: 'how many people raised it' }) headcount: number;
  @Field({ description: '群体访 / raised by a group' }) collective: boolean;
  @Field(() => [String], { description: '紧急词 / emergency terms found in the text' }) emergencyTerms: string[];
  @Field(() => GraphQLISODateTime) receivedAt: Date;
}

@ObjectType({ description: '交办动态 / a change to an assignment, as the live board and the unit inbox show it' })
export class AssignmentChange {
  @Field(() => AssignmentChangeKindEnum) kind: AssignmentChangeKind;
  @Field(() => ID) assignmentId: string;
  @Field() trackingCode: string;
  @Field(() => AssignmentRoleEnum) role: AssignmentRole;
  @Field({ description: 'code of the handling unit (承办单位)' }) unitCode: string;
  @Field(() => String, { nullable: true, description: 'name of the handling unit, when the fact carries it' }) unitName: string | null;
  @Field(() => String, { nullable: true, description: "the grievance's region, when known" }) regionCode: string | null;
  @Field(() => String, { nullable: true, description: '改派: the unit it moved to' }) toUnitCode: string | null;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ArgsType()
export class GrievanceReceivedArgs {
  @Field(() => String, { nullable: true, description: '区域 / a region within yours; yours when left out' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'regionCode is not a region code' })
  regionCode?: string | null;
}

@ArgsType()
export class AssignmentChangedArgs {
  @Field(() => String, { nullable: true, description: '区域 / a region within yours (command centre, supervisors, leaders); yours when left out' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'regionCode is not a region code' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: '承办单位 / only this unit; unit staff see their own unit only' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'unitCode is not an organisation code' })
  unitCode?: string | null;
}
