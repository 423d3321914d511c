import type { EventContract, ServiceName } from './contract';
import { GrievanceReceived } from './events/intake-grievance-received';
import { GrievanceWithdrawn } from './events/intake-grievance-withdrawn';
import { GrievanceMerged } from './events/intake-grievance-merged';
import { AssignmentCreated } from './events/routing-assignment-created';
import { GrievanceTriaged } from './events/routing-grievance-triaged';
import { AssignmentAccepted } from './events/routing-assignment-accepted';
import { AssignmentReturned } from './events/routing-assignment-returned';
import { AssignmentReassigned } from './events/routing-assignment-reassigned';
import { AssignmentProgressed } from './events/routing-assignment-progressed';
import { AssignmentReplied } from './events/routing-assignment-replied';
import { GrievanceRedirected } from './events/routing-grievance-redirected';
import { JurisdictionDisputed } from './events/routing-jurisdiction-disputed';
import { JurisdictionDecided } from './events/routing-jurisdiction-decided';
import { HandoffRequested } from './events/mediation-handoff-requested';
import { HandoffAccepted } from './events/mediation-handoff-accepted';
import { HandoffDeclined } from './events/mediation-handoff-declined';
import { HandoffConcluded } from './events/mediation-handoff-concluded';
import { HandoffReturned } from './events/mediation-handoff-returned';
import { AgreementConfirmed } from './events/mediation-agreement-confirmed';
import { DeadlineSet } from './events/mediation-deadline-set';
import { ClockStarted } from './events/supervision-clock-started';
import { DeadlineBreached, DeadlineWarning } from './events/supervision-deadline';

/** Every event contract: the one map from subject to payload (STYLE §3). */
export const EVENT_CONTRACTS: readonly EventContract<object>[] = [
  GrievanceReceived,
  GrievanceWithdrawn,
  GrievanceMerged,
  GrievanceTriaged,
  AssignmentCreated,
  AssignmentAccepted,
  AssignmentReturned,
  AssignmentReassigned,
  AssignmentProgressed,
  AssignmentReplied,
  GrievanceRedirected,
  JurisdictionDisputed,
  JurisdictionDecided,
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
];

export function eventContractsOwnedBy(owner: ServiceName): EventContract<object>[] {
  return EVENT_CONTRACTS.filter((c) => c.owner === owner);
}

/** JetStream stream that holds a service's facts: `INTAKE` for intake's events. */
export function streamNameOf(owner: ServiceName): string {
  return owner.toUpperCase();
}
