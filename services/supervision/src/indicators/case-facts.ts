import type { EntityManager } from 'typeorm';
import type { AssignmentCreatedV1, GrievanceReceivedV1, GrievanceTriagedV1, GrievanceWithdrawnV1 } from '@yikouban/contracts';
import { bump, updateCase } from './case-tally';

/*
 * What the other services' facts add to the indicator projection. The existing clock and profile
 * handlers call these in the same transaction (one durable consumer per subject and service).
 */

/** Received: the case opens (backlog) where intake placed it; repeats are counted for the repeat rate. */
export async function tallyReceived(tx: EntityManager, g: GrievanceReceivedV1): Promise<void> {
  const dims = await updateCase(tx, g.grievanceId, { trackingCode: g.trackingCode, regionCode: g.regionCode, categoryCode: g.categoryCode, open: true, receivedAt: new Date(g.receivedAt) });
  await bump(tx, new Date(g.receivedAt), dims, { received: 1, repeats: g.repeatOf ? 1 : 0 });
}

/** Triage may name or change the category: the open case moves with it. */
export async function tallyTriaged(tx: EntityManager, t: GrievanceTriagedV1): Promise<void> {
  if (t.categoryCode) await updateCase(tx, t.grievanceId, { categoryCode: t.categoryCode });
}

/** A lead assignment: the case now counts for that unit, and the unit owes a response (响应率). */
export async function tallyLeadAssigned(tx: EntityManager, a: AssignmentCreatedV1): Promise<void> {
  if (a.role !== 'lead') return;
  const dims = await updateCase(tx, a.grievanceId, { trackingCode: a.trackingCode, regionCode: a.regionCode, orgCode: a.orgCode });
  await bump(tx, new Date(a.createdAt), dims, { assigned: 1 });
}

/** Withdrawn: out of the backlog. */
export async function tallyWithdrawn(tx: EntityManager, w: GrievanceWithdrawnV1): Promise<void> {
  await updateCase(tx, w.grievanceId, { open: false });
}
