import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n';
import { EXTENSION_FIELDS, ExtensionSummary, type DeadlineExtension } from './extension-decision';

const REQUEST = `mutation ($grievanceId: ID!, $days: Int!, $reason: String!) { requestDeadlineExtension(grievanceId: $grievanceId, days: $days, reason: $reason) { ${EXTENSION_FIELDS} } }`;
/** 第三十四条: once, and by at most 30 days. */
const MAX_DAYS = 30;
const KEY = 'ykb.extensionRequests';

/** The requests this browser made, by grievance: the API has no list of them, and the unit passes the number on. */
function remembered(grievanceId: string): DeadlineExtension | undefined {
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, DeadlineExtension>)[grievanceId];
  } catch {
    return undefined;
  }
}
function remember(e: DeadlineExtension): void {
  let all: Record<string, DeadlineExtension> = {};
  try {
    all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, DeadlineExtension>;
  } catch {
    /* a damaged entry is replaced */
  }
  localStorage.setItem(KEY, JSON.stringify({ ...all, [e.grievanceId]: e }));
}

/** 申请延期: the lead unit asks for more time on the handling deadline, with its reason. */
export function ExtensionRequest({ grievanceId }: { grievanceId: string }) {
  const { t } = useI18n();
  const [sent, setSent] = useState(() => remembered(grievanceId));
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ days: '15', reason: '' });
  const action = useAction();
  if (sent) {
    return (
      <div style={{ margin: '0.8rem 0' }}>
        <h3>{t('extension.title')}</h3>
        <ExtensionSummary e={sent} />
        {sent.status === 'PENDING' && <p className="hint">{t('extension.passOn')}</p>}
      </div>
    );
  }
  if (!open) {
    return (
      <div className="actions" style={{ margin: '0.8rem 0' }}>
        <button type="button" data-testid="open-extension" onClick={() => setOpen(true)}>
          {t('extension.request')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="form"
      data-testid="extension-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await action.run(() => gql<{ requestDeadlineExtension: DeadlineExtension }>(REQUEST, { grievanceId, days: Number(f.days), reason: f.reason.trim() }));
        if (r) {
          remember(r.requestDeadlineExtension);
          setSent(r.requestDeadlineExtension);
        }
      }}
    >
      <h3>{t('extension.title')}</h3>
      <p className="hint">{t('extension.hint')}</p>
      <label>
        {t('extension.daysLabel')}
        <input name="extensionDays" type="number" min={1} max={MAX_DAYS} value={f.days} onChange={(e) => setF({ ...f, days: e.target.value })} required />
      </label>
      <label>
        {t('extension.reason')}
        <textarea name="extensionReason" value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value })} required maxLength={2000} />
      </label>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('extension.send')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
