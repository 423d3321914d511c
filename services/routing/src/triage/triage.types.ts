import type { Complexity, Diversion, StatutoryPath, WarningColour } from '@yikouban/contracts';

export type { Complexity, Diversion, StatutoryPath, WarningColour };
export type MatterClass = 'suggestion' | 'accusation' | 'claim';

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
