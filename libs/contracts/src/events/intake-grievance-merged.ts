import { IsISO8601, IsUUID } from 'class-validator';
import { defineEvent } from '../contract';

/** An operator merged a duplicate into a primary grievance; both records stay, linked. */
export class GrievanceMergedV1 {
  @IsUUID() grievanceId: string;
  @IsUUID() mergedIntoId: string;
  @IsISO8601() mergedAt: string;
}

export const GrievanceMerged = defineEvent('intake.grievance.merged', 1, GrievanceMergedV1);
