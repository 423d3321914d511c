import type { COMPLEXITIES, DIVERSIONS, STATUTORY_PATHS, WARNING_COLOURS } from '@yikouban/contracts';

export type StatutoryPath = (typeof STATUTORY_PATHS)[number];
export type MatterClass = 'suggestion' | 'accusation' | 'claim';
export type Complexity = (typeof COMPLEXITIES)[number];
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** Where a matter is sent instead of petition handling (接诉即办条例 第十一条, 信访工作条例 第二十二、二十八条). */
export type Diversion = (typeof DIVERSIONS)[number];

/** What triage needs of a category of the classification list. */
export interface TriageCategory {
  code: string;
  matterClass: MatterClass;
  statutoryPaths: StatutoryPath[];
  defaultComplexity: Complexity;
  defaultColour: WarningColour;
  leadDepartmentType: string;
  coDepartmentTypes: string[];
}

export interface TriageInput {
  /** Emergency terms intake found in the text (life or property at risk). */
  emergencyTerms: string[];
  headcount: number;
  collective: boolean;
  firstTime: boolean;
  /** The earlier grievance this one repeats, if any. */
  repeatOf?: string;
  /** The repeat brings new facts or requests (judged by the operator); without them it is a progress report. */
  newFacts?: boolean;
}

export interface TriageDecision {
  statutoryPath: StatutoryPath;
  /** Why this road, in Chinese first: shown to the operator and (for guidance) the citizen. */
  reason: { zh: string; en: string };
  /** The body that handles that road (court, arbitration committee, …), when not the petition system. */
  guidedTo: string | null;
  diversion: Diversion | null;
  complexity: Complexity;
  colour: WarningColour;
  /** Which policy chose the colour. */
  colourPolicy: string;
}
