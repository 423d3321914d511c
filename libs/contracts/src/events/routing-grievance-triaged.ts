import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

export const STATUTORY_PATHS = ['litigation', 'arbitration', 'administrative_review', 'administrative_action', 'mediation', 'petition', 'consultation'] as const;
export const COMPLEXITIES = ['urgent', 'simple', 'complex', 'difficult'] as const;
export const WARNING_COLOURS = ['red', 'orange', 'yellow', 'blue', 'green'] as const;
export const DIVERSIONS = ['emergency_110', 'political_legal', 'discipline_inspection', 'progress_report'] as const;
export type StatutoryPath = (typeof STATUTORY_PATHS)[number];
export type Complexity = (typeof COMPLEXITIES)[number];
export type WarningColour = (typeof WARNING_COLOURS)[number];
export type Diversion = (typeof DIVERSIONS)[number];

/** 甄别分流 decided the road, urgency and colour of a grievance (or an operator overrode it). */
export class GrievanceTriagedV1 {
  @IsUUID() grievanceId: string;
  @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @IsIn(STATUTORY_PATHS) statutoryPath: StatutoryPath;
  @IsOptional() @IsIn(DIVERSIONS) diversion?: Diversion;
  @IsIn(COMPLEXITIES) complexity: Complexity;
  @IsIn(WARNING_COLOURS) colour: WarningColour;
  @IsString() @Length(1, 500) reason: string;
  /** 'auto' for the rules; an operator's id for an override. */
  @IsString() @Length(1, 100) decidedBy: string;
  @IsISO8601() decidedAt: string;
}

export const GrievanceTriaged = defineEvent('routing.grievance.triaged', 1, GrievanceTriagedV1);
