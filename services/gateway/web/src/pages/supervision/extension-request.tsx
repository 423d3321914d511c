import { useState } from 'react';
import { gql } from '../../api/client';
import { SubmitBar, TextAreaField, TextField } from '../../components/form-fields';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';
import { EXTENSION_FIELDS, ExtensionSummary, type DeadlineExtension } from './extension-decision';

const REQUEST = `mutation ($grievanceId: ID!, $days: Int!, $reason: String!) { requestDeadlineExtension(grievanceId: $grievanceId, days: $days, reason: $reason) { ${EXTENSION_FIELDS} } }`;
/** 第三十四条: once, and by at most 30 days. */
const MAX_DAYS = 30;
/** The unit's own requests (newest first): the latest on this grievance is the one shown. */
const MINE = `query { deadlineExtensionRequests(first: 100) { edges { node { ${EXTENSION_FIELDS} } } } }`;

/** 申请延期: the lead unit asks for more time on the handling deadline, with its reason. */
export function ExtensionRequest({ grievanceId }: { grievanceId: string }) {
  const { t } = useI18n();
  const [asked, setSent] = useState<DeadlineExtension>();
  const mine = useAsync(() => gql<{ deadlineExtensionRequests: { edges: { node: DeadlineExtension }[] } }>(MINE).then((r) => r.deadlineExtensionRequests.edges.map((e) => e.node)), [grievanceId]);
  const sent = asked ?? mine.data?.find((e) => e.grievanceId === grievanceId);
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
          setSent(r.requestDeadlineExtension);
        }
      }}
    >
      <h3>{t('extension.title')}</h3>
      <p className="hint">{t('extension.hint')}</p>
      <TextField label={t('extension.daysLabel')} name="extensionDays" type="number" min={1} max={MAX_DAYS} value={f.days} onValue={(days) => setF({ ...f, days })} required />
      <TextAreaField label={t('extension.reason')} name="extensionReason" value={f.reason} onValue={(reason) => setF({ ...f, reason })} required maxLength={2000} />
      <SubmitBar label={t('extension.send')} busy={action.busy} error={action.error} onCancel={() => setOpen(false)} />
    </form>
  );
}
