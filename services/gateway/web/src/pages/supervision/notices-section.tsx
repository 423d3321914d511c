import { useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { CheckField, EnumSelect, Field, SubmitBar, TextAreaField, TextField } from '../../components/form-fields';
import { Badge } from '../../components/labels';
import { PickList } from '../../components/pick-list';
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
  const { t } = useI18n();
  const [f, setF] = useState(EMPTY_ISSUE);
  const action = useAction();
  const set = (k: keyof typeof EMPTY_ISSUE) => (value: string) => setF({ ...f, [k]: value });
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
        <TextField label={t('common.trackingCode')} name="trackingCode" value={f.trackingCode} onValue={set('trackingCode')} required />
        <TextField label={t('notice.orgCode')} name="orgCode" value={f.orgCode} onValue={set('orgCode')} placeholder={t('notice.orgCodeHint')} />
        <Field label={t('notice.level')}>
          <EnumSelect name="level" prefix="noticeLevel" values={NOTICE_LEVELS} value={f.level} onValue={set('level')} />
        </Field>
      </div>
      <TextAreaField label={t('notice.demands')} name="demands" value={f.demands} onValue={set('demands')} required maxLength={2000} />
      <div className="row">
        <TextField label={t('notice.respondWithin')} name="respondWithinWorkingDays" type="number" min={1} max={60} value={f.respondWithinWorkingDays} onValue={set('respondWithinWorkingDays')} required />
        <CheckField label={t('notice.listedLong')} name="listed" checked={f.listed} onValue={(listed) => setF({ ...f, listed })} style={{ alignSelf: 'end' }} />
        {f.listed && <TextField label={t('notice.fixWithin')} name="fixWithinWorkingDays" type="number" min={1} max={120} value={f.fixWithinWorkingDays} onValue={set('fixWithinWorkingDays')} required />}
      </div>
      <SubmitBar label={t('notice.issue')} busy={action.busy} error={action.error} />
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
      <TextAreaField label={t('notice.reviewNote')} name="reviewNote" value={note} onValue={setNote} maxLength={2000} />
      <TextField label={t('notice.nextRespondWithin')} name="nextRespondWithin" type="number" min={1} max={60} value={days} onValue={setDays} />
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
  const rows = list.data?.notices.edges.map((e) => e.node);
  const chosen = rows?.find((n) => n.id === selected);
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
        <Field label={t('common.status')}>
          <EnumSelect name="noticeState" prefix="noticeState" values={NOTICE_STATES} emptyLabel={t('notice.allStates')} value={state} onValue={setState} />
        </Field>
        <Field label={t('notice.overdue')}>
          <select name="noticeOverdue" value={overdue} onChange={(e) => setOverdue(e.target.value)}>
            <option value="">{t('notice.allStates')}</option>
            <option value="yes">{t('notice.onlyOverdue')}</option>
            <option value="no">{t('notice.notOverdue')}</option>
          </select>
        </Field>
        <TextField label={t('common.trackingCode')} name="noticeTrackingCode" value={trackingCode} onValue={setTrackingCode} />
        <button type="submit">{t('common.apply')}</button>
      </form>
      <ErrorMessage error={list.error} />
      <div className="split">
        <PickList testId="notice-list" rows={rows} rowKey={(n) => n.id} selected={selected} onPick={setSelected} rowData={(n) => ({ 'data-tracking-code': n.trackingCode, 'data-state': n.state })}>
          {(n) => (
            <>
              <strong>{n.trackingCode}</strong> <NoticeStateBadge notice={n} /> <Badge>{tEnum('noticeLevel', n.level)}</Badge>
              {n.listed && <Badge tone="danger">{t('notice.listed')}</Badge>}
              <div className="muted">
                {n.orgCode} · {t('notice.responseDue')} {formatDateTime(n.responseDueAt)}
              </div>
            </>
          )}
        </PickList>
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
