import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';
import type { LedgerCell } from './ledger-csv';

export interface LedgerSheetData {
  name: string;
  header: string[];
  rows: LedgerCell[][];
}

const cellOf = (c: LedgerCell): Row[number] => {
  if (c === null) return null;
  if (typeof c === 'number') return { value: c, type: Number };
  if (typeof c === 'object') return { value: c.share, type: Number, format: '0.00%' };
  // Written as a text cell: an XLSX string is never evaluated as a formula.
  return { value: c, type: String };
};

/** An Excel workbook, one sheet per table, bold header row. */
export async function toXlsx(sheets: LedgerSheetData[]): Promise<Buffer> {
  const data: Sheet<Buffer>[] = sheets.map((s) => ({
    sheet: s.name,
    data: [s.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })), ...s.rows.map((r) => r.map(cellOf))],
    stickyRowsCount: 1,
  }));
  return writeXlsxFile(data).toBuffer();
}
