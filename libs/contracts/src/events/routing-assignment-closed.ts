import { IsIn, IsISO8601, IsUUID, Matches, ValidateIf } from 'class-validator';
import { ASSIGNMENT_ROLES, CODE_PATTERN, TRACKING_CODE_PATTERN, type AssignmentRole } from '../common';
import { defineEvent } from '../contract';

/**
 * Why routing closed an open assignment with no unit acting. `mediation_agreement`: the 访调
 * handoff came back with an agreement and the petition closes (化解办结, 信访工作条例 第三十三条).
 */
export const ASSIGNMENT_CLOSE_CAUSES = ['mediation_agreement'] as const;
export type AssignmentCloseCause = (typeof ASSIGNMENT_CLOSE_CAUSES)[number];

/**
 * The matter was settled elsewhere, so this unit's assignment is closed (`closed`): supervision
 * stops the grievance's clocks. One fact per assignment closed. Nobody in routing acted, so unlike
 * the workbench's facts there is no `by`: the handoff and the mediation body that settled it say why.
 */
export class AssignmentClosedV1 {
  @IsUUID() assignmentId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(ASSIGNMENT_ROLES) role: AssignmentRole;
  @Matches(CODE_PATTERN) orgCode: string;
  @IsIn(ASSIGNMENT_CLOSE_CAUSES) cause: AssignmentCloseCause;
  /** For a mediation agreement: the 访调 handoff that reached it, and the committee or room that mediated. */
  @ValidateIf((o: AssignmentClosedV1) => o.cause === 'mediation_agreement' || o.handoffId !== undefined) @IsUUID() handoffId?: string;
  @ValidateIf((o: AssignmentClosedV1) => o.cause === 'mediation_agreement' || o.mediationOrgCode !== undefined) @Matches(CODE_PATTERN) mediationOrgCode?: string;
  @IsISO8601() at: string;
}

export const AssignmentClosed = defineEvent('routing.assignment.closed', 1, AssignmentClosedV1);
