import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsString, IsUUID, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { defineEvent } from '../contract';
import { AssignmentFactBase, PROGRESS_KINDS, type ProgressKind } from './routing-assignment-common';

/** 外送服务: the team sent to the scene and when it is expected there. */
export class OnSiteDispatchFact {
  @IsString() @Length(1, 200) team: string;
  @IsISO8601() expectedArrivalAt: string;
}

/** 包案: the leader who took personal charge of the case. */
export class CaseLeaderFact {
  @IsString() @Length(1, 50) name: string;
  @IsString() @Length(1, 100) title: string;
}

/** The unit recorded progress on its assignment (a note, a dispatch, a contribution, a case leader). */
export class AssignmentProgressedV1 extends AssignmentFactBase {
  @IsIn(PROGRESS_KINDS) kind: ProgressKind;
  @IsString() @MaxLength(5000) note: string;
  @ValidateIf((o: AssignmentProgressedV1) => o.kind === 'dispatch' || o.dispatch !== undefined) @ValidateNested() @Type(() => OnSiteDispatchFact) dispatch?: OnSiteDispatchFact;
  /** For a contribution: the lead unit's assignment whose reply it goes into. */
  @ValidateIf((o: AssignmentProgressedV1) => o.kind === 'contribution' || o.leadAssignmentId !== undefined) @IsUUID() leadAssignmentId?: string;
  @ValidateIf((o: AssignmentProgressedV1) => o.kind === 'case_leader' || o.caseLeader !== undefined) @ValidateNested() @Type(() => CaseLeaderFact) caseLeader?: CaseLeaderFact;
}

export const AssignmentProgressed = defineEvent('routing.assignment.progressed', 1, AssignmentProgressedV1);
