import type { DataSource } from 'typeorm';
import type { AssignmentPage } from '@yikouban/contracts';
import { decodeCursor, encodeCursor } from './inbox-cursor';
import { ASSIGNMENT_COLUMNS, toItem, type AssignmentRow } from './workbench-rows';

const DEFAULT_LIMIT = 20;

/**
 * One page of assignments matching `where` (over `args`, which it extends), newest first and
 * keyset-paginated on (created_at, id): a page never repeats or skips a row as new ones arrive.
 * A unit's inbox and the command centre's queue share it, and so share one cursor.
 */
export async function assignmentPage(db: DataSource, where: string[], args: unknown[], page: { cursor?: string; limit?: number }): Promise<AssignmentPage> {
  const arg = (v: unknown) => `$${args.push(v)}`;
  const conditions = [...where];
  if (page.cursor !== undefined) {
    const c = decodeCursor(page.cursor);
    conditions.push(`(a.created_at, a.id) < (${arg(c.createdAt)}::timestamptz, ${arg(c.id)}::uuid)`);
  }
  const limit = page.limit ?? DEFAULT_LIMIT;
  const rows: AssignmentRow[] = await db.query(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a
     LEFT JOIN assignment_handover h ON h.assignment_id = a.id AND h.status = 'requested'
     WHERE ${conditions.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT ${arg(limit + 1)}`,
    args,
  );
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map((r) => ({ ...toItem(r), cursor: encodeCursor(r.created_at, r.id) })), nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
}
