/** A cell of a ledger table: text, a number, a share in [0, 1] (shown as a percentage), or empty. */
export type LedgerCell = string | number | { share: number } | null;

/**
 * Excel and WPS treat a cell starting with = + - @ (or a tab / carriage return) as a formula:
 * a leading apostrophe keeps such text as text (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: LedgerCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return `${Math.round(cell.share * 10_000) / 100}%`;
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  // RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes inside.
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark (so Excel on Windows reads the Chinese right), CRLF line ends. */
export function toCsv(header: string[], rows: LedgerCell[][]): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
