import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { DataAttributes } from './data-table';

/**
 * A card of rows to pick one from (an inbox beside its detail): the picked row is marked, and a
 * row is picked by click, Enter or Space. `rows` is undefined while loading.
 */
export function PickList<T>({ rows, rowKey, selected, onPick, testId, rowData, children }: { rows: T[] | undefined; rowKey: (row: T) => string; selected: string | undefined; onPick: (key: string) => void; testId: string; rowData?: (row: T) => DataAttributes; children: (row: T) => ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card" style={{ padding: 0 }} data-testid={testId}>
      {rows?.length === 0 && (
        <p className="muted" style={{ padding: '0.8rem' }}>
          {t('common.none')}
        </p>
      )}
      {rows?.map((row) => {
        const key = rowKey(row);
        return (
          <div
            key={key}
            className={`list-item${selected === key ? ' selected' : ''}`}
            role="button"
            tabIndex={0}
            onClick={() => onPick(key)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              onPick(key);
            }}
            {...rowData?.(row)}
          >
            {children(row)}
          </div>
        );
      })}
    </section>
  );
}
