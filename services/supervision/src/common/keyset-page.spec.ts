import { decodeCursor, encodeCursor } from './keyset-cursor';
import { keysetPage, type KeysetKey } from './keyset-page';
import { SqlFilter } from './sql-filter';

interface Row { at: Date; id: string }

const ids = ['0b6a1c7e-0000-4000-8000-000000000001', '0b6a1c7e-0000-4000-8000-000000000002', '0b6a1c7e-0000-4000-8000-000000000003'];
const rows: Row[] = ids.map((id, i) => ({ at: new Date(Date.UTC(2026, 2, 1 + i)), id }));
const key = (order?: 'asc' | 'desc'): KeysetKey<Row> => ({ at: 't.at', id: 't.id', order, of: (r) => r });

/** Runs a page against `rows` as the database would, and keeps the SQL tail it was given. */
async function page(order: 'asc' | 'desc' | undefined, q: { cursor?: string; limit?: number }) {
  const filter = new SqlFilter().add('t.kind = ?', 'x');
  let tail = '';
  const result = await keysetPage(filter, q, key(order), async (t) => {
    tail = t;
    const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
    if (order !== 'asc') sorted.reverse();
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const rest = after ? sorted.filter((r) => (order === 'asc' ? r.at > after.at : r.at < after.at)) : sorted;
    return rest.slice(0, filter.params.at(-1) as number);
  });
  return { result, tail, params: filter.params };
}

describe('keysetPage', () => {
  it('pages newest first by default, reading one row more to know another page follows', async () => {
    const first = await page(undefined, { limit: 2 });
    expect(first.tail).toBe('WHERE t.kind = $1 ORDER BY t.at DESC, t.id DESC LIMIT $2');
    expect(first.params).toEqual(['x', 3]);
    expect(first.result.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    expect(first.result.nextCursor).toBe(encodeCursor(rows[1]!.at, ids[1]!));
    expect(first.result.cursorOf(rows[2]!)).toBe(encodeCursor(rows[2]!.at, ids[2]!));

    const second = await page(undefined, { limit: 2, cursor: first.result.nextCursor! });
    expect(second.tail).toBe('WHERE t.kind = $1 AND (t.at, t.id) < ($2, $3) ORDER BY t.at DESC, t.id DESC LIMIT $4');
    expect(second.params).toEqual(['x', rows[1]!.at, ids[1], 3]);
    expect(second.result.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(second.result.nextCursor).toBeNull();
  });

  it('pages oldest first when the key says so', async () => {
    const first = await page('asc', { limit: 2 });
    expect(first.tail).toBe('WHERE t.kind = $1 ORDER BY t.at, t.id LIMIT $2');
    expect(first.result.rows.map((r) => r.id)).toEqual([ids[0], ids[1]]);
    const second = await page('asc', { limit: 2, cursor: first.result.nextCursor! });
    expect(second.tail).toBe('WHERE t.kind = $1 AND (t.at, t.id) > ($2, $3) ORDER BY t.at, t.id LIMIT $4');
    expect(second.result.rows.map((r) => r.id)).toEqual([ids[2]]);
    expect(second.result.nextCursor).toBeNull();
  });

  it('refuses a cursor it did not give', async () => {
    await expect(page(undefined, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST', refusal: 'invalid_cursor', message: expect.stringContaining('invalid_cursor') });
  });
});
