import { IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { ASSIGNMENT_ROLES, AssignmentRole, CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** Routing made a unit responsible (交办) for a grievance, as lead (主办) or co-handler (协办). */
export class AssignmentCreatedV1 {
  @IsUUID() assignmentId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(ASSIGNMENT_ROLES) role: AssignmentRole;
  @Matches(CODE_PATTERN) orgCode: string;
  @IsString() @Length(1, 200) orgName: string;
  @Matches(CODE_PATTERN) regionCode: string;
  @IsString() @Length(1, 100) ruleId: string;
  @IsInt() @Min(1) ruleVersion: number;
  @IsISO8601() createdAt: string;
}

export const AssignmentCreated = defineEvent('routing.assignment.created', 1, AssignmentCreatedV1);
