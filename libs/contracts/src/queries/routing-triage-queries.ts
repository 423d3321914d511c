import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { defineQuery } from '../contract';
import type { Complexity, Diversion, StatutoryPath, WarningColour } from '../events/routing-grievance-triaged';

/** A board page is at most 100 rows: one request carries them all. */
export const MAX_TRIAGE_IDS_PER_BATCH = 100;

export class TriageByGrievanceIds {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_TRIAGE_IDS_PER_BATCH) @IsUUID('all', { each: true }) grievanceIds: string[];
}

/** The triage decision in force for a grievance (an override's, when an operator corrected it). */
export interface TriageSummary {
  grievanceId: string;
  decisionId: string;
  categoryCode: string | null;
  statutoryPath: StatutoryPath;
  diversion: Diversion | null;
  complexity: Complexity;
  /** 四色预警 (or five, as the jurisdiction's colour policy says). */
  colour: WarningColour;
  /** Why this road, Chinese first. */
  reason: { zh: string; en: string };
  /** The classification list that classified it (null for decisions older than versioned lists). */
  listVersion: number | null;
  decidedBy: string;
  decidedAt: string;
  overridden: boolean;
}

/** One row per grievance that has been triaged; grievances routing has not triaged yet are left out. */
export const RoutingListTriageByGrievanceIds = defineQuery<TriageByGrievanceIds, TriageSummary[]>('routing.triage.list_by_grievances', TriageByGrievanceIds);
