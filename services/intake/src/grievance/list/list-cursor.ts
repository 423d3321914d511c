import { DomainError } from '@yikouban/service-kit';

/** Where a page ended: the last row's (receivedAt, id). Opaque to callers; stable under inserts. */
export interface ListPosition {
  receivedAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(p: ListPosition): string {
  return Buffer.from(JSON.stringify([p.receivedAt, p.id]), 'utf8').toString('base64url');
}

/** A cursor not made by encodeCursor is bad input on `after`, never a 500. */
export function decodeCursor(cursor: string): ListPosition {
  const bad = () => new DomainError('BAD_REQUEST', 'after is not a cursor of this list', [{ field: 'after', problems: ['not a cursor returned by this list'] }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw bad();
  const [receivedAt, id] = parsed as unknown[];
  if (typeof receivedAt !== 'string' || Number.isNaN(Date.parse(receivedAt)) || typeof id !== 'string' || !UUID.test(id)) throw bad();
  return { receivedAt, id };
}
