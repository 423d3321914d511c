/**
 * W3C date-times as GeoReport v2 uses them: `2010-04-14T06:37:38-08:00`, `…Z`, or a bare date.
 * A time without a zone is refused: it would mean a different instant on every server.
 */
const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export function parseW3cDateTime(raw: string): Date | null {
  // An unencoded `+08:00` in a query string arrives as ` 08:00`: put the plus back.
  const text = raw.trim().replace(/ (\d{2}:?\d{2})$/, '+$1');
  const m = W3C.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(y), month, 0)).getUTCDate()) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return null;
  // Date.parse reads only the ISO form of the zone: `-0800` becomes `-08:00`.
  const at = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(at.getTime()) ? null : at;
}
