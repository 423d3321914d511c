import { useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';
import { NOTICE_FIELDS, NOTICE_LEVELS, NOTICE_STATES, NOTICES, type Notice, type NoticePage } from './notice-fields';
import { NoticeDetail, NoticeStateBadge } from './notice-view';

const ISSUE = `mutation ($input: IssueNoticeInput!) { issueNotice(input: $input) { ${NOTICE_FIELDS} } }`;
const REVIEW = `mutation ($input: ReviewNoticeResponseInput!) { reviewNoticeResponse(input: $input) { ${NOTICE_FIELDS} } }`;

const EMPTY_ISSUE = { trackingCode: '', orgCode: '', level: 'SUPERVISION_OFFICE', demands: '', respondWithinWorkingDays: '5', listed: false, fixWithinWorkingDays: '15' };

/** 签发督办单: the case, the level, the demands, the working days to respond; 挂牌督办 adds a deadline to fix. */
function IssueForm({ onIssued }: { onIssued: (n: Notice) => void }) {
  const { t, tEnum } = useI18n();
  const [f, setF] = useState(EMPTY_ISSUE);
  const action = useAction();
  const set = (k: keyof typeof EMPTY_ISSUE) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      trackingCode: f.trackingCode.trim(),
      level: f.level,
      demands: f.demands.trim(),
      respondWithinWorkingDays: Number(f.respondWithinWorkingDays),
      listed: f.listed,
      ...(f.listed ? { fixWithinWorkingDays: Number(f.fixWithinWorkingDays) } : {}),
      ...(f.orgCode.trim() ? { orgCode: f.orgCode.trim() } : {}),
    };
    const r = await action.run(() => gql<{ issueNotice: Notice }>(ISSUE, { input }));
    if (r) {
      setF(EMPTY_ISSUE);
      onIssued(r.issueNotice);
    }
  };
  return (
    <form className="form" onSubmit={submit} data-testid="issue-notice-form">
      <h3>{t('notice.issueTitle')}</h3>
      <div className="row">
        <label>
          {t('common.trackingCode')}
          <input name="trackingCode" value={f.trackingCode} onChange={set('trackingCode')} required />
        </label>
        <label>
          {t('notice.orgCode')}
          <input name="orgCode" value={f.orgCode} onChange={set('orgCode')} placeholder={t('notice.orgCodeHint')} />
        </label>
        <label>
          {t('notice.level')}
          <select name="level" value={f.level} onChange={set('level')}>
            {NOTICE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {tEnum('noticeLevel', l)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('notice.demands')}
        <textarea name="demands" value={f.demands} onChange={set('demands')} required maxLength={2000} />
      </label>
      <div className="row">
        <label>
          {t('notice.respondWithin')}
          <input name="respondWithinWorkingDays" type="number" min={1} max={60} value={f.respondWithinWorkingDays} onChange={set('respondWithinWorkingDays')} required />
        </label>
        <label className="check" style={{ alignSelf: 'end' }}>
          <input type="checkbox" name="listed" checked={f.listed} onChange={(e) => setF({ ...f, listed: e.target.checked })} />
          {t('notice.listedLong')}
        </label>
        {f.listed && (
          <label>
            {t('notice.fixWithin')}
            <input name="fixWithinWorkingDays" type="number" min={1} max={120} value={f.fixWithinWorkingDays} onChange={set('fixWithinWorkingDays')} required />
          </label>
        )}
      </div>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('notice.issue')}
        </button>
      </div>
    </form>
  );
}

/** 审核答复: accept, or reject with the reason (and, optionally, the working days for the next response). */
function ReviewForm({ notice, onReviewed }: { notice: Notice; onReviewed: (n: Notice) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [days, setDays] = useState('');
  const action = useAction();
  const review = async (verdict: 'ACCEPTED' | 'REJECTED') => {
    const input = { noticeId: notice.id, verdict, ...(note.trim() ? { note: note.trim() } : {}), ...(verdict === 'REJECTED' && days ? { respondWithinWorkingDays: Number(days) } : {}) };
    const r = await action.run(() => gql<{ reviewNoticeResponse: Notice }>(REVIEW, { input }));
    if (r) onReviewed(r.reviewNoticeResponse);
  };
  return (
    <form className="form" data-testid="review-form" onSubmit={(e) => e.preventDefault()}>
      <h3>{t('notice.reviewTitle')}</h3>
      <label>
        {t('notice.reviewNote')}
        <textarea name="reviewNote" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </label>
      <label>
        {t('notice.nextRespondWithin')}
        <input name="nextRespondWithin" type="number" min={1} max={60} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="button" className="primary" data-testid="accept-response" disabled={action.busy} onClick={() => void review('ACCEPTED')}>
          {t('notice.accept')}
        </button>
        <button type="button" className="danger" data-testid="reject-response" disabled={action.busy || !note.trim()} onClick={() => void review('REJECTED')}>
          {t('notice.reject')}
        </button>
      </div>
    </form>
  );
}

/** 督办单 for supervisors and leaders: filter the list, issue one, review the unit's written response. */
export function NoticesSection({ canIssue }: { canIssue: boolean }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [state, setState] = useState('');
  const [overdue, setOverdue] = useState('');
  const [trackingCode, setTrackingCode] = useState('');
  const [query, setQuery] = useState({ state: '', overdue: '', trackingCode: '' });
  const [selected, setSelected] = useState<string>();
  const filter = { ...(query.state ? { state: query.state } : {}), ...(query.overdue ? { overdue: query.overdue === 'yes' } : {}), ...(query.trackingCode ? { trackingCode: query.trackingCode } : {}) };
  const list = useAsync(() => gql<NoticePage>(NOTICES, { filter, first: 50 }), [query]);
  const rows = list.data?.notices.edges.map((e) => e.node) ?? [];
  const chosen = rows.find((n) => n.id === selected);
  const changed = (n: Notice) => {
    setSelected(n.id);
    void list.reload();
  };
  return (
    <div data-testid="notices-section">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ state, overdue, trackingCode: trackingCode.trim() });
        }}
      >
        <label>
          {t('common.status')}
          <select name="noticeState" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('notice.allStates')}</option>
            {NOTICE_STATES.map((s) => (
              <option key={s} value={s}>
                {tEnum('noticeState', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('notice.overdue')}
          <select name="noticeOverdue" value={overdue} onChange={(e) => setOverdue(e.target.value)}>
            <option value="">{t('notice.allStates')}</option>
            <option value="yes">{t('notice.onlyOverdue')}</option>
            <option value="no">{t('notice.notOverdue')}</option>
          </select>
        </label>
        <label>
          {t('common.trackingCode')}
          <input name="noticeTrackingCode" value={trackingCode} onChange={(e) => setTrackingCode(e.target.value)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <ErrorMessage error={list.error} />
      <div className="split">
        <section className="card" style={{ padding: 0 }} data-testid="notice-list">
          {list.data && rows.length === 0 && <p className="muted" style={{ padding: '0.8rem' }}>{t('common.none')}</p>}
          {rows.map((n) => (
            <div
              key={n.id}
              className={`list-item${selected === n.id ? ' selected' : ''}`}
              onClick={() => setSelected(n.id)}
              data-tracking-code={n.trackingCode}
              data-state={n.state}
              role="button"
              tabIndex={0}
            >
              <strong>{n.trackingCode}</strong> <NoticeStateBadge notice={n} /> <span className="badge">{tEnum('noticeLevel', n.level)}</span>
              {n.listed && <span className="badge danger">{t('notice.listed')}</span>}
              <div className="muted">
                {n.orgCode} · {t('notice.responseDue')} {formatDateTime(n.responseDueAt)}
              </div>
            </div>
          ))}
        </section>
        <section className="card" data-testid="notice-detail" data-state={chosen?.state ?? ''}>
          {chosen ? (
            <>
              <h2 style={{ marginTop: 0 }}>
                {t('notice.title')} <NoticeStateBadge notice={chosen} />
              </h2>
              <NoticeDetail notice={chosen} />
              {canIssue && chosen.state === 'RESPONDED' && <ReviewForm key={chosen.id + chosen.responses.length} notice={chosen} onReviewed={changed} />}
            </>
          ) : (
            <p className="muted">{t('notice.pick')}</p>
          )}
        </section>
      </div>
      {canIssue && (
        <section className="card">
          <IssueForm onIssued={changed} />
        </section>
      )}
    </div>
  );
}
