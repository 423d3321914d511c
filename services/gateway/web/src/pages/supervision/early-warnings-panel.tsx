import { useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
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
    <form
      className="actions"
      data-testid="acknowledge-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const done = await action.run(() => gql(ACKNOWLEDGE, { id, note: note.trim() || null }));
        if (done) onDone();
      }}
    >
      <input placeholder={t('warning.note')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: '12rem' }} maxLength={500} />
      <button type="submit" disabled={action.busy}>
        {t('warning.acknowledge')}
      </button>
      <ErrorMessage error={action.error} />
    </form>
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
  useEffect(() => {
    const id = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(id);
  }, [reload]);
  const rows = list.data ?? [];
  return (
    <section className="card" data-testid={testId}>
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <h2 style={{ flex: 1, margin: 0 }}>
          {t('warning.title')} <span className="muted">({rows.filter((w) => w.state === 'OPEN').length})</span>
        </h2>
        <label>
          {t('common.status')}
          <select value={state} onChange={(e) => setState(e.target.value as 'OPEN' | 'ALL')} name="warningState">
            <option value="OPEN">{t('warning.state.OPEN')}</option>
            <option value="ALL">{t('warning.all')}</option>
          </select>
        </label>
        <span className="live">{t('warning.polling')}</span>
      </div>
      <ErrorMessage error={list.error} />
      <div className="table-wrap" style={{ marginTop: '0.6rem' }}>
        <table>
          <thead>
            <tr>
              <th>{t('common.region')}</th>
              <th>{t('common.category')}</th>
              <th>{t('warning.window')}</th>
              <th>{t('warning.count')}</th>
              <th>{t('warning.raisedAt')}</th>
              <th>{t('common.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id} data-warning-id={w.id} data-state={w.state}>
                <td>{w.regionCode}</td>
                <td>{w.categoryCode}</td>
                <td>
                  {tEnum('warningWindow', w.window)} · {w.windowStart === w.windowEnd ? w.windowStart : `${w.windowStart} – ${w.windowEnd}`}
                </td>
                <td>
                  <strong className={w.state === 'OPEN' ? 'text-red' : undefined}>{w.count}</strong>{' '}
                  <span className="muted">{t('warning.threshold', { threshold: w.threshold.toFixed(1), mean: w.baselineMean.toFixed(1) })}</span>
                </td>
                <td>{formatDateTime(w.raisedAt)}</td>
                <td>
                  {w.state === 'OPEN' ? (
                    canAcknowledge ? (
                      <AcknowledgeForm id={w.id} onDone={() => void reload()} />
                    ) : (
                      <span className="badge danger">{t('warning.state.OPEN')}</span>
                    )
                  ) : (
                    <>
                      <span className="badge">{t('warning.state.ACKNOWLEDGED')}</span> <span className="muted">{formatDateTime(w.acknowledgedAt)}</span>
                      {w.note && <div className="muted">{w.note}</div>}
                    </>
                  )}
                </td>
              </tr>
            ))}
            {list.data && rows.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('common.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
