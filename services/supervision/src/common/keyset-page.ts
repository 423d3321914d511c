import { decodeCursor, encodeCursor } from './keyset-cursor';
import type { SqlFilter } from './sql-filter';

/**
 * How a list is sorted over (instant, id): the SQL of its instant and of the id that breaks ties,
 * both read off a row, and the direction — newest first unless `order` says oldest (or soonest) first.
 */
export interface KeysetKey<R> {
  at: string;
  id: string;
  order?: 'desc' | 'asc';
  of(row: R): { at: Date; id: string };
}

export interface KeysetPage<R> {
  rows: R[];
  /** The cursor that resumes the list after `row`. */
  cursorOf(row: R): string;
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

/**
 * One page of a list in `key`'s order. Adds the cursor's condition to `filter`; `select` gets the
 * clause to append after its FROM (WHERE, ORDER BY, LIMIT) and runs the query with `filter.params`.
 * One row more than the page is read to know whether another page follows.
 */
export async function keysetPage<R>(
  filter: SqlFilter,
  q: { cursor?: string; limit?: number },
  key: KeysetKey<R>,
  select: (tail: string) => Promise<R[]>,
): Promise<KeysetPage<R>> {
  const limit = q.limit ?? DEFAULT_PAGE_SIZE;
  const desc = (key.order ?? 'desc') === 'desc';
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    filter.add(`(${key.at}, ${key.id}) ${desc ? '<' : '>'} (?, ?)`, c.at, c.id);
  }
  const order = desc ? `${key.at} DESC, ${key.id} DESC` : `${key.at}, ${key.id}`;
  const rows = await select(`${filter.where} ORDER BY ${order} LIMIT ${filter.param(limit + 1)}`);
  const page = rows.slice(0, limit);
  const cursorOf = (row: R) => {
    const k = key.of(row);
    return encodeCursor(k.at, k.id);
  };
  const last = page.at(-1);
  return { rows: page, cursorOf, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
