import type { EntityManager } from 'typeorm';
import type { AssignmentCreatedV1, GrievanceMergedV1, GrievanceReceivedV1, GrievanceTriagedV1, GrievanceWithdrawnV1 } from '@yikouban/contracts';
import { applyToCase, bump, bumpEach, lockCaseRow, patchedCase, toCase, updateCase, type CaseDims, type CasePatch, type SupervisedCase } from './case-tally';

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

/** A receipt as counted, and the registration decision (registration-clock.ts) its case row held under the lock. */
export interface ReceiptTallied extends CountedReceipt {
  registrationDecided: { at: Date; cause: string } | null;
}

/**
 * Received: the case opens (backlog) where intake placed it — under triage's category if triage's
 * fact came first; repeats are counted for the repeat rate. Returns where the receipt was counted.
 * The case row is read and written once (its lock answers the row; one update carries the tally).
 */
export async function tallyReceived(tx: EntityManager, g: GrievanceReceivedV1): Promise<ReceiptTallied> {
  const row = await lockCaseRow(tx, g.grievanceId);
  const before = toCase(row);
  const categoryCode = (row.category_from_triage && row.category_code) || g.categoryCode;
  const patch: CasePatch = { trackingCode: g.trackingCode, regionCode: g.regionCode, categoryCode, open: true, receivedAt: new Date(g.receivedAt) };
  const dims = patchedCase(before, patch);
  const counted: ReceivedTally = { at: g.receivedAt, regionCode: dims.regionCode, orgCode: dims.orgCode, categoryCode: dims.categoryCode, repeats: g.repeatOf ? 1 : 0 };
  await applyToCase(tx, before, patch, { receivedTally: counted });
  await bump(tx, new Date(g.receivedAt), dims, { received: 1, repeats: counted.repeats });
  const registrationDecided = row.registration_decided_at ? { at: row.registration_decided_at, cause: row.registration_decision ?? '' } : null;
  return { regionCode: dims.regionCode, categoryCode: dims.categoryCode, receivedAt: g.receivedAt, registrationDecided };
}

/** What tallyTriaged did: the receipt as now counted when it moved, and whether the case row (read under its lock) held a registration decision. */
export interface TriageTallied {
  moved: CountedReceipt | null;
  /** undefined when triage named no category (the row was not read). */
  registrationDecided?: boolean;
}

/**
 * Triage may name or change the category: the open case moves with it, and so does the receipt's
 * count on its day (received, repeats), so the indicators and the spike check see triage's
 * category. `moved` is the receipt as now counted when it moved (the caller checks for a spike).
 */
export async function tallyTriaged(tx: EntityManager, t: GrievanceTriagedV1): Promise<TriageTallied> {
  if (!t.categoryCode) return { moved: null };
  const row = await lockCaseRow(tx, t.grievanceId);
  const registrationDecided = row.registration_decided_at !== null;
  const counted = row.received_tally as ReceivedTally | null;
  const moved = counted && counted.categoryCode !== t.categoryCode ? { ...counted, categoryCode: t.categoryCode } : null;
  await applyToCase(tx, toCase(row), { categoryCode: t.categoryCode }, { categoryFromTriage: true, receivedTally: moved ?? undefined });
  if (!counted || !moved) return { moved: null, registrationDecided };
  // Two different rows (the categories differ): one upsert.
  await bumpEach(tx, new Date(counted.at), [
    { dims: counted, counts: { received: -1, repeats: -counted.repeats } },
    { dims: moved, counts: { received: 1, repeats: counted.repeats } },
  ]);
  return { moved: { regionCode: counted.regionCode, categoryCode: t.categoryCode, receivedAt: counted.at }, registrationDecided };
}

/**
 * A lead assignment: the case now counts for that unit, and the unit owes a response (响应率); the
 * registration decision it makes, if given, is kept in the same update (registration-clock.ts).
 * Returns the case as now known (null for a co-handling assignment), read under its row lock.
 */
export async function tallyLeadAssigned(tx: EntityManager, a: AssignmentCreatedV1, registrationDecided?: { at: Date; cause: string }): Promise<SupervisedCase | null> {
  if (a.role !== 'lead') return null;
  const c = await updateCase(tx, a.grievanceId, { trackingCode: a.trackingCode, regionCode: a.regionCode, orgCode: a.orgCode }, { registrationDecided });
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
