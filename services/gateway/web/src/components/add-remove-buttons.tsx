import type { ReactNode } from 'react';

/**
 * The buttons under rows the user adds (representatives, panel members): add `newRow` while there
 * are fewer than `max`, and take the last away while there are more than `min`.
 */
export function AddRemoveButtons<T>({ rows, onRows, newRow, min = 0, max = Infinity, addLabel, removeLabel }: { rows: T[]; onRows: (rows: T[]) => void; newRow: T; min?: number; max?: number; addLabel: ReactNode; removeLabel: ReactNode }) {
  return (
    <div className="actions">
      <button type="button" disabled={rows.length >= max} onClick={() => onRows([...rows, newRow])}>
        {addLabel}
      </button>
      {rows.length > min && (
        <button type="button" onClick={() => onRows(rows.slice(0, -1))}>
          {removeLabel}
        </button>
      )}
    </div>
  );
}
