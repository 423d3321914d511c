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

interface CaseRow {
  grievance_id: string;
  tracking_code: string | null;
  region_code: string;
  org_code: string;
  category_code: string;
  open: boolean;
  merged_into_id: string | null;
  merged_at: Date | null;
  withdrawn_at: Date | null;
}

const toCase = (r: CaseRow): SupervisedCase => ({
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
  const cols = TALLY_COUNTERS.filter((c) => (counts[c] ?? 0) !== 0);
  if (cols.length === 0) return;
  const values = cols.map((c) => counts[c] ?? 0);
  await tx.query(
    `INSERT INTO indicator_tally (day, region_code, org_code, category_code, ${cols.join(', ')})
     VALUES ($1, $2, $3, $4, ${cols.map((_, i) => `$${i + 5}`).join(', ')})
     ON CONFLICT (day, region_code, org_code, category_code) DO UPDATE SET ${cols.map((c) => `${c} = indicator_tally.${c} + EXCLUDED.${c}`).join(', ')}`,
    [beijingDay(at), dims.regionCode, dims.orgCode, dims.categoryCode, ...values],
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
  const [row] = (await tx.query(
    'INSERT INTO supervised_case (grievance_id) VALUES ($1) ON CONFLICT (grievance_id) DO UPDATE SET grievance_id = EXCLUDED.grievance_id RETURNING *',
    [grievanceId],
  )) as CaseRow[];
  return toCase(row);
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
export async function updateCase(tx: EntityManager, grievanceId: string, patch: CasePatch): Promise<SupervisedCase> {
  const before = await lockCase(tx, grievanceId);
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
       updated_at = now() WHERE grievance_id = $1`,
    [grievanceId, after.trackingCode, after.regionCode, after.orgCode, after.categoryCode, after.open, patch.receivedAt ?? null, after.merged?.intoId ?? null, after.merged?.at ?? null, after.withdrawnAt],
  );
  return after;
}
