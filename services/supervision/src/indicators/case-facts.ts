import type { EntityManager } from 'typeorm';
import type { AssignmentCreatedV1, GrievanceMergedV1, GrievanceReceivedV1, GrievanceTriagedV1, GrievanceWithdrawnV1 } from '@yikouban/contracts';
import { bump, updateCase, type CaseDims, type SupervisedCase } from './case-tally';

/** Where a receipt was counted: enough to move it when triage names another category. */
interface ReceivedTally extends CaseDims {
  at: string;
  repeats: number;
}

/** A receipt counted under a category, for the spike check of that town × category. */
export interface CountedReceipt {
  regionCode: string;
  categoryCode: string;
  receivedAt: string;
}

/*
 * What the other services' facts add to the indicator projection. The existing clock and profile
 * handlers call these in the same transaction (one durable consumer per subject and service).
 */

/**
 * Received: the case opens (backlog) where intake placed it — under triage's category if triage's
 * fact came first; repeats are counted for the repeat rate. Returns where the receipt was counted.
 */
export async function tallyReceived(tx: EntityManager, g: GrievanceReceivedV1): Promise<CountedReceipt> {
  const [triaged] = (await tx.query('SELECT category_code FROM supervised_case WHERE grievance_id = $1 AND category_from_triage', [g.grievanceId])) as { category_code: string }[];
  const categoryCode = triaged?.category_code || g.categoryCode;
  const dims = await updateCase(tx, g.grievanceId, { trackingCode: g.trackingCode, regionCode: g.regionCode, categoryCode, open: true, receivedAt: new Date(g.receivedAt) });
  const counted: ReceivedTally = { at: g.receivedAt, regionCode: dims.regionCode, orgCode: dims.orgCode, categoryCode: dims.categoryCode, repeats: g.repeatOf ? 1 : 0 };
  await bump(tx, new Date(g.receivedAt), dims, { received: 1, repeats: counted.repeats });
  await tx.query('UPDATE supervised_case SET received_tally = $2 WHERE grievance_id = $1', [g.grievanceId, JSON.stringify(counted)]);
  return { regionCode: dims.regionCode, categoryCode: dims.categoryCode, receivedAt: g.receivedAt };
}

/**
 * Triage may name or change the category: the open case moves with it, and so does the receipt's
 * count on its day (received, repeats), so the indicators and the spike check see triage's
 * category. Returns the receipt as now counted when it moved (the caller checks for a spike), else null.
 */
export async function tallyTriaged(tx: EntityManager, t: GrievanceTriagedV1): Promise<CountedReceipt | null> {
  if (!t.categoryCode) return null;
  await updateCase(tx, t.grievanceId, { categoryCode: t.categoryCode });
  const [row] = (await tx.query('UPDATE supervised_case SET category_from_triage = true WHERE grievance_id = $1 RETURNING received_tally', [t.grievanceId])) as [{ received_tally: ReceivedTally | null }[], number];
  const counted = row[0]?.received_tally;
  if (!counted || counted.categoryCode === t.categoryCode) return null;
  const at = new Date(counted.at);
  await bump(tx, at, counted, { received: -1, repeats: -counted.repeats });
  await bump(tx, at, { ...counted, categoryCode: t.categoryCode }, { received: 1, repeats: counted.repeats });
  await tx.query('UPDATE supervised_case SET received_tally = $2 WHERE grievance_id = $1', [t.grievanceId, JSON.stringify({ ...counted, categoryCode: t.categoryCode })]);
  return { regionCode: counted.regionCode, categoryCode: t.categoryCode, receivedAt: counted.at };
}

/**
 * A lead assignment: the case now counts for that unit, and the unit owes a response (响应率).
 * Returns the case as now known (null for a co-handling assignment), read under its row lock.
 */
export async function tallyLeadAssigned(tx: EntityManager, a: AssignmentCreatedV1): Promise<SupervisedCase | null> {
  if (a.role !== 'lead') return null;
  const c = await updateCase(tx, a.grievanceId, { trackingCode: a.trackingCode, regionCode: a.regionCode, orgCode: a.orgCode });
  await bump(tx, new Date(a.createdAt), c, { assigned: 1 });
  return c;
}

/**
 * Withdrawn: out of the backlog for good, marked with the withdrawal, even when it comes before the
 * receipt (updateCase keeps a withdrawn case closed). What the grievance already added to the day's
 * counters (its receipt, its assignment) happened and stays; the first withdrawal stays.
 */
export async function tallyWithdrawn(tx: EntityManager, w: GrievanceWithdrawnV1): Promise<SupervisedCase> {
  return updateCase(tx, w.grievanceId, { withdrawnAt: new Date(w.withdrawnAt) });
}

/**
 * Merged into its survivor: the duplicate leaves the backlog for good, marked with the survivor,
 * even when the merge comes before its receipt (updateCase keeps a merged case closed). The
 * survivor stays as it is: it alone counts for the matter. What the duplicate already added to
 * the day's counters (its receipt, its assignment) happened and stays.
 */
export async function tallyMerged(tx: EntityManager, m: GrievanceMergedV1): Promise<SupervisedCase> {
  return updateCase(tx, m.grievanceId, { merged: { intoId: m.mergedIntoId, at: new Date(m.mergedAt) } });
}
