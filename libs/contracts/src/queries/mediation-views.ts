import type {
  LitigationProcedureName,
  LitigationStageName,
  MediationFailureEnd,
  MediationFollowUp,
  MediationHandoffKind,
  MediationHandoffStatus,
  MediationOrganisationKindName,
  MediationOtherRoad,
} from '../events/mediation-common';

/** What the mediation service answers; request classes live beside the subjects that use them. */

/** Chinese first, English beside it. */
export interface MediationLabel {
  zh: string;
  en: string;
}

export interface MediationOrgRef {
  orgCode: string;
  name: string;
  kind: MediationOrganisationKindName;
}

/** One row of an inbox or of the sending side's list: where a handoff stands. */
export interface HandoffSummary {
  id: string;
  kind: MediationHandoffKind;
  stage: LitigationStageName | null;
  procedure: LitigationProcedureName | null;
  status: MediationHandoffStatus;
  grievanceId: string | null;
  sourceReference: string;
  matter: string;
  regionCode: string;
  source: MediationOrgRef;
  target: MediationOrgRef;
  mediatorId: string | null;
  requestedAt: string;
  acceptedAt: string | null;
  mediationDueAt: string | null;
  concludedAt: string | null;
  outcome: 'agreement' | 'failure' | null;
  failureEnd: MediationFailureEnd | null;
  followUp: MediationFollowUp | null;
  judicialConfirmation: { courtOrgCode: string; decision: 'confirmed' | 'rejected' | null } | null;
  /** Grows by one with every applied command; a command may name the version it expects. */
  version: number;
}

/** A row of a page with the cursor that continues after it (a Relay edge's cursor). */
export type HandoffPageItem = HandoffSummary & { cursor: string };

export interface HandoffPage {
  items: HandoffPageItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface HandoffAgreementView {
  id: string;
  parties: { partyId: string; name: string; role: string }[];
  factsAndDispute: string;
  responsibilities: string;
  terms: string[];
  performance: { manner: string; deadline: string };
  mediator: { id: string; name: string };
  organisation: { orgCode: string; name: string };
  signatures: { partyId: string; signedAt: string; method: string }[];
}

/** The whole handoff: its file (卷宗) as the receiving and the sending side see it. */
export interface HandoffView extends HandoffSummary {
  parties: { id: string; name: string; role: 'applicant' | 'respondent' | 'third_party' }[];
  timeLimit: { amount: number; unit: 'natural_days' | 'working_days'; source: string };
  declined: { reason: string; at: string } | null;
  mediator: { mediatorId: string; name: string | null; chosenByParties: boolean; conflictOfInterestDeclared: true; appointedAt: string } | null;
  consents: { partyId: string; consents: boolean; at: string }[];
  sessions: { sessionId: string; at: string; mode: 'on_site' | 'online'; location?: string; held?: { participants: string[]; record: string; recordedAt: string } }[];
  extensions: { days: number; at: string; consentingPartyIds: string[] }[];
  agreement: HandoffAgreementView | null;
  conclusion:
    | { outcome: 'agreement'; at: string }
    | { outcome: 'failure'; end: MediationFailureEnd; reason: string; at: string; otherRoads: MediationOtherRoad[] }
    | null;
  /** On failure: the roads the parties were told about, labelled (人民调解法 Art 26). */
  otherRoads: ({ road: MediationOtherRoad } & MediationLabel)[];
  judicialConfirmationDetail: { courtOrgCode: string; requestedAt: string; decision?: 'confirmed' | 'rejected'; decidedAt?: string } | null;
  performance: { status: 'performing' | 'performed' | 'breached'; note: string; at: string }[];
  returned: ({ at: string; followUp: MediationFollowUp; note?: string } & { label: MediationLabel }) | null;
  timeline: { at: string; command: string; from: MediationHandoffStatus | null; to: MediationHandoffStatus; actor: { userId: string; orgCode: string } }[];
  /** Commands the current status admits (each may still be refused by its own checks). */
  commandsAllowed: string[];
}

export interface MediationStatsRow {
  /** The kind, organisation code or region code the row counts; 'all' for the total. */
  key: string;
  /** Handoffs concluded in the period (with or without agreement). */
  concluded: number;
  /** Concluded with an agreement signed by every party. */
  agreements: number;
  /** agreements / concluded, 0 when nothing concluded. */
  successRate: number;
  /** Mean days from request to conclusion; null when nothing concluded. */
  meanDurationDays: number | null;
}

export interface MediationStats {
  from: string;
  to: string;
  total: MediationStatsRow;
  byKind: MediationStatsRow[];
  byOrganisation: (MediationStatsRow & { name: string })[];
  byRegion: MediationStatsRow[];
}

export interface MediationOrganisationSummary {
  code: string;
  name: string;
  nameEn: string;
  kind: MediationOrganisationKindName;
  regionCode: string;
  specialities: string[];
}

export interface MediatorSummary {
  id: string;
  name: string;
  orgCode: string;
  specialities: string[];
  active: boolean;
}
