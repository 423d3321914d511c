import { DomainError } from '@yikouban/service-kit';

/** Keyset cursor: the (created_at, id) of the last row shown. Opaque to callers. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
  } catch {
    // fall through to the refusal
  }
  throw new DomainError('BAD_REQUEST', 'invalid_cursor: 不是本服务给出的游标 (not a cursor from a previous page)', [{ field: 'cursor', problems: ['invalid_cursor'] }]);
}
