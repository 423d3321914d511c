import { useState } from 'react';
import { gql } from '../../api/client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { Field, InlineForm } from '../../components/form-fields';
import { Badge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { usePolling } from '../../components/use-polling';
import { useI18n } from '../../i18n';

const WARNINGS = `query ($filter: EarlyWarningFilter) {
  earlyWarnings(filter: $filter) {
    items { id regionCode categoryCode window windowStart windowEnd count threshold baselineMean raisedAt state acknowledgedAt acknowledgedBy note }
    nextCursor
  }
}`;
const ACKNOWLEDGE = `mutation ($id: ID!, $note: String) { acknowledgeEarlyWarning(id: $id, note: $note) { id state acknowledgedAt note } }`;

/** There is no subscription for alerts: the panel polls (a spike counted over a day need not be instant). */
const POLL_MS = 15_000;

interface EarlyWarning {
  id: string;
  regionCode: string;
  categoryCode: string;
  window: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  threshold: number;
  baselineMean: number;
  raisedAt: string;
  state: 'OPEN' | 'ACKNOWLEDGED';
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  note: string | null;
}

function AcknowledgeForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const action = useAction();
  return (
    <InlineForm
      testId="acknowledge-form"
      label={t('warning.acknowledge')}
      busy={action.busy}
      error={action.error}
      onSubmit={async () => {
        if (await action.run(() => gql(ACKNOWLEDGE, { id, note: note.trim() || null }))) onDone();
      }}
    >
      <input placeholder={t('warning.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: '12rem' }} maxLength={500} />
    </InlineForm>
  );
}

/**
 * 苗头预警: a category in a town running above its baseline (a rising number of the same matter is
 * the first sign of a group incident). Open ones first; those allowed to acknowledge note what is done.
 */
export function EarlyWarningsPanel({ canAcknowledge, regionCode, testId = 'early-warnings' }: { canAcknowledge: boolean; regionCode?: string | null; testId?: string }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [state, setState] = useState<'OPEN' | 'ALL'>('OPEN');
  const filter = { first: 50, ...(state === 'OPEN' ? { state: 'OPEN' } : {}), ...(regionCode ? { regionCode } : {}) };
  const list = useAsync(() => gql<{ earlyWarnings: { items: EarlyWarning[] } }>(WARNINGS, { filter }).then((r) => r.earlyWarnings.items), [state, regionCode]);
  const { reload } = list;
  usePolling(() => void reload(), POLL_MS);
  const rows = list.data ?? [];
  const columns: Column<EarlyWarning>[] = [
    { header: t('common.region'), cell: (w) => w.regionCode },
    { header: t('common.category'), cell: (w) => w.categoryCode },
    { header: t('warning.window'), cell: (w) => `${tEnum('warningWindow', w.window)} · ${w.windowStart === w.windowEnd ? w.windowStart : `${w.windowStart} – ${w.windowEnd}`}` },
    {
      header: t('warning.count'),
      cell: (w) => (
        <>
          <strong className={w.state === 'OPEN' ? 'text-red' : undefined}>{w.count}</strong> <span className="muted">{t('warning.threshold', { threshold: w.threshold.toFixed(1), mean: w.baselineMean.toFixed(1) })}</span>
        </>
      ),
    },
    { header: t('warning.raisedAt'), cell: (w) => formatDateTime(w.raisedAt) },
    {
      header: t('common.status'),
      cell: (w) =>
        w.state === 'OPEN' ? (
          canAcknowledge ? (
            <AcknowledgeForm id={w.id} onDone={() => void reload()} />
          ) : (
            <Badge tone="danger">{t('warning.state.OPEN')}</Badge>
          )
        ) : (
          <>
            <Badge>{t('warning.state.ACKNOWLEDGED')}</Badge> <span className="muted">{formatDateTime(w.acknowledgedAt)}</span>
            {w.note && <div className="muted">{w.note}</div>}
          </>
        ),
    },
  ];
  return (
    <section className="card" data-testid={testId}>
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <h2>
          {t('warning.title')} <span className="muted">({rows.filter((w) => w.state === 'OPEN').length})</span>
        </h2>
        <Field label={t('common.status')}>
          <select value={state} onChange={(e) => setState(e.target.value as 'OPEN' | 'ALL')} name="warningState">
            <option value="OPEN">{t('warning.state.OPEN')}</option>
            <option value="ALL">{t('warning.all')}</option>
          </select>
        </Field>
        <span className="live">{t('warning.polling')}</span>
      </div>
      <ErrorMessage error={list.error} />
      <DataTable style={{ marginTop: '0.6rem' }} columns={columns} rows={list.data} rowKey={(w) => w.id} rowData={(w) => ({ 'data-warning-id': w.id, 'data-state': w.state })} />
    </section>
  );
}
