import type { CSSProperties, ReactNode } from 'react';
import { useI18n } from '../i18n';

/** `data-*` attributes of a row: what the styles and the browser tests pick it by. */
export type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined };

/** One column of a DataTable: its heading and what a row shows under it. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** A tooltip for the cell (e.g. the reason behind a triage colour). */
  title?: (row: T) => string | undefined;
}

/**
 * A table's frame: the scrolling wrapper, the heading row and the body; when `empty`, one row
 * that says there is nothing. For rows that render themselves (a row with its own edit form).
 */
export function Table({ headers, testId, empty, style, children }: { headers: ReactNode[]; testId?: string; empty?: boolean; style?: CSSProperties; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap" style={style}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {children}
          {empty && (
            <tr>
              <td colSpan={headers.length} className="muted">
                {t('common.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Rows under column definitions. `rows` is undefined while loading: the empty row waits for an answer. */
export function DataTable<T>({ columns, rows, rowKey, rowData, testId, style }: { columns: Column<T>[]; rows: T[] | undefined; rowKey: (row: T, index: number) => string; rowData?: (row: T) => DataAttributes; testId?: string; style?: CSSProperties }) {
  return (
    <Table headers={columns.map((c) => c.header)} testId={testId} empty={rows?.length === 0} style={style}>
      {rows?.map((row, i) => (
        <tr key={rowKey(row, i)} {...rowData?.(row)}>
          {columns.map((c, j) => (
            <td key={j} title={c.title?.(row)}>
              {c.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}
