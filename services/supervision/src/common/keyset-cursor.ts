import { refusalError } from './refusal-error';

/** A cursor this service did not give (or one mangled on the way back). */
export class CursorError extends refusalError({ invalid_cursor: 'BAD_REQUEST' }) {}

export const invalidCursor = () => new CursorError('invalid_cursor', 'cursor 无效 / cursor is not one this list gave', 'cursor');

/** An opaque keyset cursor over (instant, id), as the lists here page. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(at.getTime())) throw invalidCursor();
  return { at, id };
}
