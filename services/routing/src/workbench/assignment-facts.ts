import type { EntityManager } from 'typeorm';
import {
  AssignmentAccepted,
  AssignmentProgressed,
  AssignmentReassigned,
  AssignmentReplied,
  AssignmentReturned,
  type AssignmentFactBase,
  type AssignmentProgressedV1,
  type AssignmentReassignedV1,
  type ReplyContributionFact,
  type ReplyLetter,
  type RoutingActor,
} from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import type { Assignment } from '../assignment/assignment.entity';

/** The facts of the workbench, written to the outbox in the caller's transaction. */
export function factBase(a: Assignment, by: RoutingActor, at: Date): AssignmentFactBase {
  return { assignmentId: a.id, grievanceId: a.grievanceId, trackingCode: a.trackingCode, role: a.role, orgCode: a.orgCode, by: { userId: by.userId, orgCode: by.orgCode }, at: at.toISOString() };
}

export async function publishAccepted(tx: EntityManager, a: Assignment, by: RoutingActor, at: Date): Promise<void> {
  await appendToOutbox(tx, AssignmentAccepted, factBase(a, by, at), { occurredAt: at });
}

export async function publishReturned(tx: EntityManager, a: Assignment, by: RoutingActor, at: Date, reason: string, dispute: { disputeId: string } | null): Promise<void> {
  await appendToOutbox(
    tx,
    AssignmentReturned,
    {
      ...factBase(a, by, at),
      reason,
      returnDeadlineAt: a.returnDeadlineAt.toISOString(),
      nextStatus: dispute ? 'disputed' : 'awaiting_reassignment',
      ...(dispute ? { disputeId: dispute.disputeId } : {}),
    },
    { occurredAt: at },
  );
}

type ProgressDetail = Omit<AssignmentProgressedV1, keyof AssignmentFactBase>;

export async function publishProgressed(tx: EntityManager, a: Assignment, by: RoutingActor, at: Date, detail: ProgressDetail): Promise<void> {
  await appendToOutbox(tx, AssignmentProgressed, { ...factBase(a, by, at), ...detail }, { occurredAt: at });
}

export async function publishReplied(tx: EntityManager, a: Assignment, by: RoutingActor, at: Date, letter: ReplyLetter, contributions: ReplyContributionFact[]): Promise<void> {
  await appendToOutbox(tx, AssignmentReplied, { ...factBase(a, by, at), letter, contributions }, { occurredAt: at });
}

type ReassignDetail = Omit<AssignmentReassignedV1, keyof AssignmentFactBase>;

export async function publishReassigned(tx: EntityManager, a: Assignment, by: RoutingActor, at: Date, detail: ReassignDetail): Promise<void> {
  await appendToOutbox(tx, AssignmentReassigned, { ...factBase(a, by, at), ...detail }, { occurredAt: at });
}
