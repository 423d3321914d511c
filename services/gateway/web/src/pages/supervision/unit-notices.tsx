import { useCallback, useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { CheckField, SubmitBar, TextAreaField } from '../../components/form-fields';
import { Badge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { usePolling } from '../../components/use-polling';
import { useI18n } from '../../i18n';
import { NOTICE_FIELDS, NOTICES, type Notice, type NoticePage } from './notice-fields';
import { NoticeDetail, NoticeStateBadge } from './notice-view';

const RESPOND = `mutation ($input: RespondToNoticeInput!) { respondToNotice(input: $input) { ${NOTICE_FIELDS} } }`;
/** A response is due while the notice is issued, or again after a rejection. */
const AWAITING = new Set(['ISSUED', 'REJECTED']);
const POLL_MS = 15_000;

function RespondForm({ notice, onDone }: { notice: Notice; onDone: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ actions: '', result: '' });
  const action = useAction();
  return (
    <form
      className="form"
      data-testid="respond-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => gql(RESPOND, { input: { noticeId: notice.id, actions: f.actions.trim(), result: f.result.trim() } }))) onDone();
      }}
    >
      <h3>{t('notice.respondTitle')}</h3>
      <TextAreaField label={t('notice.actions')} name="actions" value={f.actions} onValue={(actions) => setF({ ...f, actions })} required maxLength={4000} />
      <TextAreaField label={t('notice.result')} name="result" value={f.result} onValue={(result) => setF({ ...f, result })} required maxLength={4000} />
      <SubmitBar label={t('notice.respond')} busy={action.busy} error={action.error} />
    </form>
  );
}

/** 督办单 addressed to this unit (the API holds a unit to its own): open ones first, each answered in writing. */
export function UnitNotices() {
  const { t, formatDateTime } = useI18n();
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState<string>();
  const list = useAsync(() => gql<NoticePage>(NOTICES, { first: 50 }).then((r) => r.notices.edges.map((e) => e.node)), []);
  const { reload } = list;
  const refresh = useCallback(() => void reload(), [reload]);
  // Notices come from the supervisor's side with no subscription: the list polls.
  usePolling(refresh, POLL_MS);
  const rows = (list.data ?? []).filter((n) => all || n.state !== 'ACCEPTED');
  const waiting = (list.data ?? []).filter((n) => AWAITING.has(n.state)).length;
  return (
    <section className="card" data-testid="unit-notices">
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <h2>
          {t('notice.unitTitle')} {waiting > 0 && <Badge tone="danger">{t('notice.waiting', { n: waiting })}</Badge>}
        </h2>
        <CheckField label={t('notice.showAccepted')} checked={all} onValue={setAll} />
      </div>
      <ErrorMessage error={list.error} />
      {list.data && rows.length === 0 && <p className="muted">{t('common.none')}</p>}
      {rows.map((n) => (
        <div key={n.id} className="list-item" data-notice-id={n.id} data-tracking-code={n.trackingCode} data-state={n.state}>
          <div role="button" tabIndex={0} onClick={() => setOpen(open === n.id ? undefined : n.id)}>
            <strong>{n.trackingCode}</strong> <NoticeStateBadge notice={n} /> {n.listed && <Badge tone="danger">{t('notice.listed')}</Badge>}
            <div className="muted">
              {t('notice.responseDue')} {formatDateTime(n.responseDueAt)} · {n.demands.slice(0, 60)}
            </div>
          </div>
          {open === n.id && (
            <div style={{ marginTop: '0.6rem' }}>
              <NoticeDetail notice={n} />
              {AWAITING.has(n.state) && <RespondForm key={n.responses.length} notice={n} onDone={refresh} />}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
