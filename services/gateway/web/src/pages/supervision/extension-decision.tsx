import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { TextAreaField } from '../../components/form-fields';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

export const EXTENSION_FIELDS = 'id grievanceId trackingCode clockId days reason status previousDueAt newDueAt requestedAt requestedBy requestedOrg decidedAt decidedBy note';
const PENDING = `query { deadlineExtensionRequests(state: PENDING, first: 100) { edges { node { ${EXTENSION_FIELDS} } } } }`;
const DECIDE = `mutation ($requestId: ID!, $approve: Boolean!, $note: String) { decideDeadlineExtension(requestId: $requestId, approve: $approve, note: $note) { ${EXTENSION_FIELDS} } }`;

export interface DeadlineExtension {
  id: string;
  grievanceId: string;
  trackingCode: string | null;
  days: number;
  reason: string;
  status: 'PENDING' | 'APPROVED' | 'REFUSED';
  previousDueAt: string;
  newDueAt: string | null;
  requestedAt: string;
  requestedOrg: string | null;
  decidedAt: string | null;
  note: string | null;
}

/** A request's outcome, as both sides see it. */
export function ExtensionSummary({ e }: { e: DeadlineExtension }) {
  const { t, tEnum, formatDateTime } = useI18n();
  return (
    <div className={e.status === 'REFUSED' ? 'notice' : 'ok'} data-testid="extension" data-status={e.status}>
      <div>
        <strong>{tEnum('extensionStatus', e.status)}</strong> · {t('extension.days', { n: e.days })} · <code>{e.id}</code>
      </div>
      <div className="muted">
        {t('extension.previousDue')} {formatDateTime(e.previousDueAt)}
        {e.newDueAt && ` → ${t('extension.newDue')} ${formatDateTime(e.newDueAt)}`}
      </div>
      <div>{e.reason}</div>
      {e.note && <div className="muted">{e.note}</div>}
    </div>
  );
}

/**
 * 延期审批 (信访工作条例 第三十四条): the supervisor or leader picks a unit's pending request from the
 * list of their region and approves or refuses it with a note.
 */
export function ExtensionDecision() {
  const { t, formatDateTime } = useI18n();
  const pending = useAsync(() => gql<{ deadlineExtensionRequests: { edges: { node: DeadlineExtension }[] } }>(PENDING).then((r) => r.deadlineExtensionRequests.edges.map((e) => e.node)), []);
  const [requestId, setRequestId] = useState('');
  const [note, setNote] = useState('');
  const [decided, setDecided] = useState<DeadlineExtension>();
  const action = useAction();
  const decide = async (approve: boolean) => {
    const r = await action.run(() => gql<{ decideDeadlineExtension: DeadlineExtension }>(DECIDE, { requestId, approve, note: note.trim() || null }));
    if (r) {
      setDecided(r.decideDeadlineExtension);
      setRequestId('');
      setNote('');
      await pending.reload();
    }
  };
  const requests = pending.data ?? [];
  return (
    <section className="card narrow" data-testid="extension-decision">
      <h2 style={{ marginTop: 0 }}>{t('extension.decideTitle')}</h2>
      <p className="hint">{t('extension.decideHint')}</p>
      <div className="actions">
        <h3 style={{ flex: 1, margin: 0 }}>{t('extension.pending')}</h3>
        <button type="button" data-testid="refresh-extensions" onClick={() => void pending.reload()}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorMessage error={pending.error} />
      {requests.length === 0 && !pending.loading && <p className="muted">{t('extension.noPending')}</p>}
      <ul className="plain" data-testid="pending-extensions">
        {requests.map((e) => (
          <li key={e.id} data-request-id={e.id} data-tracking-code={e.trackingCode ?? ''} className={e.id === requestId ? 'selected' : undefined}>
            <label className="check">
              <input type="radio" name="requestId" value={e.id} checked={e.id === requestId} onChange={() => setRequestId(e.id)} />
              <span>
                <strong>{e.trackingCode ?? e.grievanceId}</strong> · {t('extension.days', { n: e.days })} · {t('extension.requestedBy', { org: e.requestedOrg ?? '', at: formatDateTime(e.requestedAt) })}
                <br />
                <span className="muted">
                  {t('extension.previousDue')} {formatDateTime(e.previousDueAt)}
                </span>{' '}
                {e.reason}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <TextAreaField label={t('extension.note')} name="decisionNote" value={note} onValue={setNote} maxLength={1000} />
        <ErrorMessage error={action.error} />
        <div className="actions">
          <button type="button" className="primary" data-testid="approve-extension" disabled={action.busy || !requestId} onClick={() => void decide(true)}>
            {t('extension.approve')}
          </button>
          <button type="button" className="danger" data-testid="refuse-extension" disabled={action.busy || !requestId} onClick={() => void decide(false)}>
            {t('extension.refuse')}
          </button>
        </div>
      </form>
      {decided && <ExtensionSummary e={decided} />}
    </section>
  );
}
