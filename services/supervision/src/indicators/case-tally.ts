import type { EntityManager } from 'typeorm';
import { beijingDay } from './indicator-math';

/** The counters of indicator_tally, as its columns are named. */
export const TALLY_COUNTERS = [
  'received',
  'repeats',
  'assigned',
  'responded',
  'replied',
  'replied_on_time',
  'replied_late',
  'evaluated',
  'satisfied',
  'basically_satisfied',
  'not_satisfied',
  'resolved',
  'closed',
  'breached',
] as const;
export type TallyCounter = (typeof TALLY_COUNTERS)[number];

/** Where a grievance counts; '' where a fact has not told us yet. */
export interface CaseDims {
  regionCode: string;
  orgCode: string;
  categoryCode: string;
}

/** Intake merged the grievance, a duplicate, into its survivor: it never counts as open again. */
export interface CaseMerge {
  intoId: string;
  at: Date;
}

export interface SupervisedCase extends CaseDims {
  grievanceId: string;
  trackingCode: string | null;
  open: boolean;
  merged: CaseMerge | null;
  /** The petitioner withdrew the grievance (撤回): it never counts as open again. */
  withdrawnAt: Date | null;
}

/** The case row as stored (lockCaseRow answers it whole, for the handlers that also read its other columns). */
export interface CaseRow {
  grievance_id: string;
  tracking_code: string | null;
  region_code: string;
  org_code: string;
  category_code: string;
  open: boolean;
  merged_into_id: string | null;
  merged_at: Date | null;
  withdrawn_at: Date | null;
  category_from_triage: boolean;
  received_tally: unknown;
  registration_decided_at: Date | null;
  registration_decision: string | null;
}

export const toCase = (r: CaseRow): SupervisedCase => ({
  grievanceId: r.grievance_id,
  trackingCode: r.tracking_code,
  regionCode: r.region_code,
  orgCode: r.org_code,
  categoryCode: r.category_code,
  open: r.open,
  merged: r.merged_into_id && r.merged_at ? { intoId: r.merged_into_id, at: r.merged_at } : null,
  withdrawnAt: r.withdrawn_at,
});

/** Adds to the day's counters of one dimension (one upsert; the row is created on first use). */
export async function bump(tx: EntityManager, at: Date, dims: CaseDims, counts: Partial<Record<TallyCounter, number>>): Promise<void> {
  await bumpEach(tx, at, [{ dims, counts }]);
}

/** bump for several dimensions of the same day in one upsert; each dimension at most once (one row may not be upserted twice in a statement). */
export async function bumpEach(tx: EntityManager, at: Date, rows: { dims: CaseDims; counts: Partial<Record<TallyCounter, number>> }[]): Promise<void> {
  const cols = TALLY_COUNTERS.filter((c) => rows.some((r) => (r.counts[c] ?? 0) !== 0));
  if (cols.length === 0) return;
  const width = cols.length + 4;
  await tx.query(
    `INSERT INTO indicator_tally (day, region_code, org_code, category_code, ${cols.join(', ')})
     VALUES ${rows.map((_, r) => `(${Array.from({ length: width }, (_, i) => `$${r * width + i + 1}`).join(', ')})`).join(', ')}
     ON CONFLICT (day, region_code, org_code, category_code) DO UPDATE SET ${cols.map((c) => `${c} = indicator_tally.${c} + EXCLUDED.${c}`).join(', ')}`,
    rows.flatMap(({ dims, counts }) => [beijingDay(at), dims.regionCode, dims.orgCode, dims.categoryCode, ...cols.map((c) => counts[c] ?? 0)]),
  );
}

/** Moves open cases between backlog rows in one upsert (rows created on first use); each row at most once. */
async function moveBacklog(tx: EntityManager, moves: { dims: CaseDims; delta: number }[]): Promise<void> {
  if (moves.length === 0) return;
  await tx.query(
    `INSERT INTO backlog_tally (region_code, org_code, category_code, open_count)
     VALUES ${moves.map((_, i) => `($${4 * i + 1}, $${4 * i + 2}, $${4 * i + 3}, $${4 * i + 4})`).join(', ')}
     ON CONFLICT (region_code, org_code, category_code) DO UPDATE SET open_count = backlog_tally.open_count + EXCLUDED.open_count`,
    moves.flatMap(({ dims, delta }) => [dims.regionCode, dims.orgCode, dims.categoryCode, delta]),
  );
}

/** The case as supervision knows it (dimensions '' and closed when no fact has named it yet). */
export async function readCase(tx: EntityManager, grievanceId: string): Promise<SupervisedCase> {
  const [row] = (await tx.query('SELECT * FROM supervised_case WHERE grievance_id = $1', [grievanceId])) as CaseRow[];
  return row ? toCase(row) : { grievanceId, trackingCode: null, regionCode: '', orgCode: '', categoryCode: '', open: false, merged: null, withdrawnAt: null };
}

/**
 * The case under its row lock, for the rest of the transaction: the lock a merge or withdrawal takes
 * (updateCase) before it stops the case's clocks, and a fact that starts a clock takes before it
 * looks whether the case has ended (ended-case.ts). Created on first use and locked in one
 * statement (the no-op update of an existing row locks it and returns it), so it also holds when
 * the row does not exist yet: a plain SELECT ... FOR UPDATE would lock nothing then.
 */
export async function lockCase(tx: EntityManager, grievanceId: string): Promise<SupervisedCase> {
  return toCase(await lockCaseRow(tx, grievanceId));
}

/** lockCase with the whole row, for a handler that also reads the case's other columns (one statement, not a read after the lock). */
export async function lockCaseRow(tx: EntityManager, grievanceId: string): Promise<CaseRow> {
  const [row] = (await tx.query(
    'INSERT INTO supervised_case (grievance_id) VALUES ($1) ON CONFLICT (grievance_id) DO UPDATE SET grievance_id = EXCLUDED.grievance_id RETURNING *',
    [grievanceId],
  )) as CaseRow[];
  return row;
}

export interface CasePatch {
  trackingCode?: string;
  regionCode?: string;
  orgCode?: string;
  categoryCode?: string;
  open?: boolean;
  receivedAt?: Date;
  /** The first merge stays (intake merges a grievance once). */
  merged?: CaseMerge;
  /** The first withdrawal stays (an equivalent fact changes nothing). */
  withdrawnAt?: Date;
}

/** What a fact's handler writes to the case row besides the case, in the same update (one statement, not one more each). */
export interface CaseRowPatch {
  /** Triage named the category: a receipt applied later counts under it. */
  categoryFromTriage?: true;
  /** Where the receipt is now counted (case-facts.ts). */
  receivedTally?: object;
  /** A decision that ends registration (registration-clock.ts); the first one stays. */
  registrationDecided?: { at: Date; cause: string };
}

/** The case as a fact leaves it: a merged or withdrawn case stays closed, and the first merge and withdrawal stay. */
export function patchedCase(before: SupervisedCase, patch: CasePatch): SupervisedCase {
  const merged = before.merged ?? patch.merged ?? null;
  const withdrawnAt = before.withdrawnAt ?? patch.withdrawnAt ?? null;
  return {
    ...before,
    trackingCode: patch.trackingCode ?? before.trackingCode,
    regionCode: patch.regionCode ?? before.regionCode,
    orgCode: patch.orgCode ?? before.orgCode,
    categoryCode: patch.categoryCode ?? before.categoryCode,
    open: merged || withdrawnAt ? false : (patch.open ?? before.open),
    merged,
    withdrawnAt,
  };
}

/**
 * Applies what a fact says about a case. The backlog follows: an open case moves from its old
 * dimensions to its new ones, opening adds it, closing removes it. Facts from different streams
 * may come in any order, so every field is optional and the row is created on first use. A merged
 * duplicate or a withdrawn grievance stays closed whatever comes after the merge or withdrawal
 * (its receipt, a reply, a review request).
 */
export async function updateCase(tx: EntityManager, grievanceId: string, patch: CasePatch, row: CaseRowPatch = {}): Promise<SupervisedCase> {
  return applyToCase(tx, await lockCase(tx, grievanceId), patch, row);
}

/** updateCase on a case the caller has locked already (lockCase, lockCaseRow), with what else the fact writes to its row. */
export async function applyToCase(tx: EntityManager, before: SupervisedCase, patch: CasePatch, row: CaseRowPatch = {}): Promise<SupervisedCase> {
  const { grievanceId } = before;
  const after = patchedCase(before, patch);
  const moved = before.regionCode !== after.regionCode || before.orgCode !== after.orgCode || before.categoryCode !== after.categoryCode;
  // Both moves only when the dimensions moved: two different rows.
  const moves: { dims: CaseDims; delta: number }[] = [];
  if (before.open && (!after.open || moved)) moves.push({ dims: before, delta: -1 });
  if (after.open && (!before.open || moved)) moves.push({ dims: after, delta: +1 });
  await moveBacklog(tx, moves);
  await tx.query(
    `UPDATE supervised_case SET tracking_code = $2, region_code = $3, org_code = $4, category_code = $5, open = $6,
       received_at = COALESCE($7, received_at), merged_into_id = $8, merged_at = $9, withdrawn_at = $10,
       category_from_triage = category_from_triage OR $11, received_tally = COALESCE($12::jsonb, received_tally),
       registration_decided_at = COALESCE(registration_decided_at, $13), registration_decision = COALESCE(registration_decision, $14),
       updated_at = now() WHERE grievance_id = $1`,
    [
      grievanceId, after.trackingCode, after.regionCode, after.orgCode, after.categoryCode, after.open, patch.receivedAt ?? null, after.merged?.intoId ?? null, after.merged?.at ?? null, after.withdrawnAt,
      row.categoryFromTriage ?? false, row.receivedTally ? JSON.stringify(row.receivedTally) : null, row.registrationDecided?.at ?? null, row.registrationDecided?.cause ?? null,
    ],
  );
  return after;
}
