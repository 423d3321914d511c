import type { EventContract, ServiceName } from './contract';
import { GrievanceReceived } from './events/intake-grievance-received';
import { GrievanceWithdrawn } from './events/intake-grievance-withdrawn';
import { GrievanceMerged } from './events/intake-grievance-merged';
import { GrievanceSkipLevelRedirected } from './events/intake-grievance-skip-level-redirected';
import { AssignmentCreated } from './events/routing-assignment-created';
import { GrievanceTriaged } from './events/routing-grievance-triaged';
import { AssignmentAccepted } from './events/routing-assignment-accepted';
import { AssignmentReturned } from './events/routing-assignment-returned';
import { AssignmentReassigned } from './events/routing-assignment-reassigned';
import { AssignmentProgressed } from './events/routing-assignment-progressed';
import { AssignmentReplied } from './events/routing-assignment-replied';
import { AssignmentClosed } from './events/routing-assignment-closed';
import { GrievanceRedirected } from './events/routing-grievance-redirected';
import { JurisdictionDisputed } from './events/routing-jurisdiction-disputed';
import { JurisdictionDecided } from './events/routing-jurisdiction-decided';
import { DirectoryChanged } from './events/routing-directory-changed';
import { ClassificationPublished } from './events/routing-classification-published';
import { RuleSetPublished } from './events/routing-rules-published';
import { HandoffRequested } from './events/mediation-handoff-requested';
import { HandoffAccepted } from './events/mediation-handoff-accepted';
import { HandoffDeclined } from './events/mediation-handoff-declined';
import { HandoffConcluded } from './events/mediation-handoff-concluded';
import { HandoffReturned } from './events/mediation-handoff-returned';
import { AgreementConfirmed } from './events/mediation-agreement-confirmed';
import { DeadlineSet } from './events/mediation-deadline-set';
import { ClockStarted } from './events/supervision-clock-started';
import { DeadlineBreached, DeadlineWarning } from './events/supervision-deadline';
import { DeadlineExtended } from './events/supervision-deadline-extended';
import { CalendarChanged } from './events/supervision-calendar-changed';
import { ReturnVisitScheduled } from './events/supervision-return-visit';
import { GrievanceEvaluated, ReworkRequested } from './events/supervision-evaluation';
import { GrievanceClosed } from './events/supervision-closure';
import { GrievanceFinalized, ReviewAnswered, ReviewRequested } from './events/supervision-review';
import { NoticeIssued } from './events/supervision-notice-issued';
import { NoticeResponded } from './events/supervision-notice-responded';
import { NoticeReviewed } from './events/supervision-notice-reviewed';
import { ReceptionBooked, ReceptionDayScheduled, ReceptionRecorded } from './events/supervision-reception-events';
import { PublicEvaluationConcluded, PublicEvaluationOpened, PublicEvaluationVoteRecorded } from './events/supervision-public-evaluation-events';
import { EarlyWarningRaised } from './events/supervision-early-warning';

/** Every event contract: the one map from subject to payload (STYLE §3). */
export const EVENT_CONTRACTS: readonly EventContract<object>[] = [
  GrievanceReceived,
  GrievanceWithdrawn,
  GrievanceMerged,
  GrievanceSkipLevelRedirected,
  GrievanceTriaged,
  AssignmentCreated,
  AssignmentAccepted,
  AssignmentReturned,
  AssignmentReassigned,
  AssignmentProgressed,
  AssignmentReplied,
  AssignmentClosed,
  GrievanceRedirected,
  JurisdictionDisputed,
  JurisdictionDecided,
  DirectoryChanged,
  ClassificationPublished,
  RuleSetPublished,
  HandoffRequested,
  HandoffAccepted,
  HandoffDeclined,
  HandoffConcluded,
  HandoffReturned,
  AgreementConfirmed,
  DeadlineSet,
  ClockStarted,
  DeadlineWarning,
  DeadlineBreached,
  DeadlineExtended,
  CalendarChanged,
  ReturnVisitScheduled,
  GrievanceEvaluated,
  ReworkRequested,
  GrievanceClosed,
  ReviewRequested,
  ReviewAnswered,
  GrievanceFinalized,
  NoticeIssued,
  NoticeResponded,
  NoticeReviewed,
  ReceptionDayScheduled,
  ReceptionBooked,
  ReceptionRecorded,
  PublicEvaluationOpened,
  PublicEvaluationVoteRecorded,
  PublicEvaluationConcluded,
  EarlyWarningRaised,
];

export function eventContractsOwnedBy(owner: ServiceName): EventContract<object>[] {
  return EVENT_CONTRACTS.filter((c) => c.owner === owner);
}

/** JetStream stream that holds a service's facts: `INTAKE` for intake's events. */
export function streamNameOf(owner: ServiceName): string {
  return owner.toUpperCase();
}
