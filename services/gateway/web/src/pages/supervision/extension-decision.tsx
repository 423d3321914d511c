import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n';

export const EXTENSION_FIELDS = 'id grievanceId clockId days reason status previousDueAt newDueAt requestedAt requestedBy requestedOrg decidedAt decidedBy note';
const DECIDE = `mutation ($requestId: ID!, $approve: Boolean!, $note: String) { decideDeadlineExtension(requestId: $requestId, approve: $approve, note: $note) { ${EXTENSION_FIELDS} } }`;

export interface DeadlineExtension {
  id: string;
  grievanceId: string;
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
 * 延期审批 (信访工作条例 第三十四条): the unit's request comes with its number (the API lists no
 * pending requests), the supervisor or leader approves or refuses it with a note.
 */
export function ExtensionDecision() {
  const { t } = useI18n();
  const [requestId, setRequestId] = useState('');
  const [note, setNote] = useState('');
  const [decided, setDecided] = useState<DeadlineExtension>();
  const action = useAction();
  const decide = async (approve: boolean) => {
    const r = await action.run(() => gql<{ decideDeadlineExtension: DeadlineExtension }>(DECIDE, { requestId: requestId.trim(), approve, note: note.trim() || null }));
    if (r) {
      setDecided(r.decideDeadlineExtension);
      setRequestId('');
      setNote('');
    }
  };
  return (
    <section className="card narrow" data-testid="extension-decision">
      <h2 style={{ marginTop: 0 }}>{t('extension.decideTitle')}</h2>
      <p className="hint">{t('extension.decideHint')}</p>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('extension.requestId')}
          <input name="requestId" value={requestId} onChange={(e) => setRequestId(e.target.value)} required />
        </label>
        <label>
          {t('extension.note')}
          <textarea name="decisionNote" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
        </label>
        <ErrorMessage error={action.error} />
        <div className="actions">
          <button type="button" className="primary" data-testid="approve-extension" disabled={action.busy || !requestId.trim()} onClick={() => void decide(true)}>
            {t('extension.approve')}
          </button>
          <button type="button" className="danger" data-testid="refuse-extension" disabled={action.busy || !requestId.trim()} onClick={() => void decide(false)}>
            {t('extension.refuse')}
          </button>
        </div>
      </form>
      {decided && <ExtensionSummary e={decided} />}
    </section>
  );
}
