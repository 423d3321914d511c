import type { BacklogReason, GrievanceReceivedV1 } from '@yikouban/contracts';
import type { EntityManager } from 'typeorm';
import { STATUTORY_POLICIES } from '../deadline-policy';

/*
 * 积案: an open case is in the backlog when it is older than the handling period, has come again
 * often, or its handling deadline has passed. The thresholds are request options with defaults
 * taken from the policies, never a second copy of the statute.
 */

const handling = STATUTORY_POLICIES.find((p) => p.appliesTo === 'handling' && p.unit === 'natural_days');
/** 第三十四条: 60 days from acceptance. */
export const DEFAULT_BACKLOG_AGE_DAYS = handling?.amount ?? 60;
/** 重复信访 three times or more makes a case 积案 in county practice. */
export const DEFAULT_BACKLOG_REPEATS = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole natural days since receipt (0 on the day itself). */
export function ageDays(receivedAt: Date | null, now: Date): number {
  return receivedAt ? Math.max(0, Math.floor((now.getTime() - receivedAt.getTime()) / DAY_MS)) : 0;
}

export function backlogReasons(c: { ageDays: number; repeats: number; handlingOverdue: boolean }, t: { minAgeDays: number; minRepeats: number }): BacklogReason[] {
  const reasons: BacklogReason[] = [];
  if (c.ageDays >= t.minAgeDays) reasons.push('aged');
  if (c.repeats >= t.minRepeats) reasons.push('repeated');
  if (c.handlingOverdue) reasons.push('handling_overdue');
  return reasons;
}

/**
 * Keeps the repeat chains (重复信访) from intake's repeatOf, called by the profile handler in the
 * same transaction. Every grievance of a chain points at its first; the chain keeps its size.
 * Idempotent: a member is counted once.
 */
export async function noteRepeat(tx: EntityManager, g: Pick<GrievanceReceivedV1, 'grievanceId' | 'repeatOf'>): Promise<void> {
  if (!g.repeatOf) return;
  const [prior] = (await tx.query('SELECT root_id FROM repeat_member WHERE grievance_id = $1', [g.repeatOf])) as { root_id: string }[];
  const root = prior?.root_id ?? g.repeatOf;
  for (const member of [g.repeatOf, g.grievanceId]) {
    const inserted = (await tx.query('INSERT INTO repeat_member (grievance_id, root_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING grievance_id', [member, root])) as unknown[];
    if (inserted.length === 0) continue;
    await tx.query('INSERT INTO repeat_chain (root_id, members) VALUES ($1, 1) ON CONFLICT (root_id) DO UPDATE SET members = repeat_chain.members + 1', [root]);
  }
}
