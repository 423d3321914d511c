import { useCallback, useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
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
      <label>
        {t('notice.actions')}
        <textarea name="actions" value={f.actions} onChange={(e) => setF({ ...f, actions: e.target.value })} required maxLength={4000} />
      </label>
      <label>
        {t('notice.result')}
        <textarea name="result" value={f.result} onChange={(e) => setF({ ...f, result: e.target.value })} required maxLength={4000} />
      </label>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('notice.respond')}
        </button>
      </div>
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
  useEffect(() => {
    const id = setInterval(refresh, POLL_MS);
    return () => clearInterval(id);
  }, [refresh]);
  const rows = (list.data ?? []).filter((n) => all || n.state !== 'ACCEPTED');
  const waiting = (list.data ?? []).filter((n) => AWAITING.has(n.state)).length;
  return (
    <section className="card" data-testid="unit-notices">
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <h2 style={{ flex: 1, margin: 0 }}>
          {t('notice.unitTitle')} {waiting > 0 && <span className="badge danger">{t('notice.waiting', { n: waiting })}</span>}
        </h2>
        <label className="check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          {t('notice.showAccepted')}
        </label>
      </div>
      <ErrorMessage error={list.error} />
      {list.data && rows.length === 0 && <p className="muted">{t('common.none')}</p>}
      {rows.map((n) => (
        <div key={n.id} className="list-item" data-notice-id={n.id} data-tracking-code={n.trackingCode} data-state={n.state}>
          <div role="button" tabIndex={0} onClick={() => setOpen(open === n.id ? undefined : n.id)}>
            <strong>{n.trackingCode}</strong> <NoticeStateBadge notice={n} /> {n.listed && <span className="badge danger">{t('notice.listed')}</span>}
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
