import { useCallback, useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { ErrorMessage } from '../components/error-message';
import { EnumSelect, Field, SubmitBar, TextAreaField, TextField } from '../components/form-fields';
import { StatusBadge } from '../components/labels';
import { PickList } from '../components/pick-list';
import { useAsync } from '../components/use-async';
import { useLiveReload } from '../components/use-live-reload';
import { useNow } from '../components/use-now';
import { useI18n, type MessageKey } from '../i18n';
import { ExtensionRequest } from './supervision/extension-request';
import { UnitNotices } from './supervision/unit-notices';

const INBOX = `query ($status: [AssignmentStatus!]) {
  myAssignments(first: 50, status: $status) {
    edges { node { id trackingCode role status unitName createdAt returnDeadlineAt acceptedAt bindingDecisionId } }
  }
}`;
const DETAIL_FIELDS = `id grievanceId trackingCode role status unitName createdAt acceptedAt returnDeadlineAt returnedAt returnReason bindingDecisionId
  otherUnits { unitName role status }
  timeline { at kind detail by { userId unitCode } }
  contributions { unitName text at }
  reply { repliedAt letter { request facts reasons opinion legalBasis conclusion } }`;
const DETAIL = `query ($id: ID!) { assignment(id: $id) { ${DETAIL_FIELDS} } }`;
const GRIEVANCE = `query ($id: ID!) { grievanceById(id: $id) { description categoryCode regionCode headcount receivedAt channel petitioner { name phone } petitionerWithheld } }`;
const ACCEPT = `mutation ($id: ID!) { acceptAssignment(id: $id) { ${DETAIL_FIELDS} } }`;
const RETURN = `mutation ($id: ID!, $reason: String!) { returnAssignment(id: $id, reason: $reason) { ${DETAIL_FIELDS} } }`;
const PROGRESS = `mutation ($id: ID!, $note: String!) { reportProgress(id: $id, note: $note) { ${DETAIL_FIELDS} } }`;
const CONTRIBUTE = `mutation ($id: ID!, $text: String!) { contributeToReply(id: $id, text: $text) { ${DETAIL_FIELDS} } }`;
const REPLY = `mutation ($id: ID!, $input: ReplyLetterInput!) { replyToAssignment(id: $id, input: $input) { ${DETAIL_FIELDS} } }`;
const LIVE = `subscription { assignmentChanged { assignmentId kind trackingCode } }`;

interface InboxRow {
  id: string;
  trackingCode: string;
  role: string;
  status: string;
  unitName: string;
  createdAt: string;
  returnDeadlineAt: string;
  acceptedAt: string | null;
  bindingDecisionId: string | null;
}
interface Detail extends InboxRow {
  grievanceId: string;
  returnedAt: string | null;
  returnReason: string | null;
  otherUnits: { unitName: string; role: string; status: string }[];
  timeline: { at: string; kind: string; detail: string; by: { userId: string; unitCode: string } | null }[];
  contributions: { unitName: string; text: string; at: string }[];
  reply: { repliedAt: string; letter: { request: string; facts: string; reasons: string; opinion: string; legalBasis: string[]; conclusion: string } } | null;
}
interface GrievanceInfo {
  description: string;
  categoryCode: string | null;
  regionCode: string;
  headcount: number;
  receivedAt: string;
  channel: string;
  petitioner: { name: string; phone: string | null } | null;
  petitionerWithheld: boolean;
}

const CONCLUSIONS = ['SUPPORT', 'EXPLAIN', 'NOT_SUPPORT'];
const FILTERS: [string, string[] | null][] = [
  ['open', ['CREATED', 'ACCEPTED', 'IN_PROGRESS']],
  ['CREATED', ['CREATED']],
  ['REPLIED', ['REPLIED']],
  ['all', null],
];

/** A one-field action: a text and a button, e.g. 退回 with its reason. */
function TextAction({ label, field, multiline, onSubmit, testId }: { label: string; field: string; multiline?: boolean; onSubmit: (text: string) => Promise<void>; testId: string }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSubmit(text.trim());
      setText('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={submit} data-testid={testId}>
      {multiline ? <TextAreaField label={field} value={text} onValue={setText} required /> : <TextField label={field} value={text} onValue={setText} required />}
      <SubmitBar label={label} busy={busy} plain />
    </form>
  );
}

/** 处理意见书 (信访工作条例 第三十二条): request, facts, reasons, opinion, basis, and the conclusion. */
function ReplyForm({ onSubmit }: { onSubmit: (input: Record<string, unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const [f, setF] = useState({ request: '', facts: '', reasons: '', opinion: '', legalBasis: '', conclusion: 'SUPPORT' });
  const field = (k: Exclude<keyof typeof f, 'conclusion'>, key: MessageKey) => <TextAreaField label={t(key)} name={k} value={f[k]} onValue={(v) => setF({ ...f, [k]: v })} required />;
  return (
    <form
      className="form"
      data-testid="reply-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await onSubmit({
          request: f.request.trim(),
          facts: f.facts.trim(),
          reasons: f.reasons.trim(),
          opinion: f.opinion.trim(),
          legalBasis: f.legalBasis.split('\n').map((l) => l.trim()).filter(Boolean),
          conclusion: f.conclusion,
        });
      }}
    >
      <h3>{t('workbench.replyTitle')}</h3>
      {field('request', 'workbench.letter.request')}
      {field('facts', 'workbench.letter.facts')}
      {field('reasons', 'workbench.letter.reasons')}
      {field('opinion', 'workbench.letter.opinion')}
      {field('legalBasis', 'workbench.letter.legalBasis')}
      <Field label={t('workbench.letter.conclusion')}>
        <EnumSelect name="conclusion" prefix="conclusion" values={CONCLUSIONS} value={f.conclusion} onValue={(conclusion) => setF({ ...f, conclusion })} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('workbench.reply')}
        </button>
      </div>
    </form>
  );
}

function AssignmentPanel({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const detail = useAsync(() => gql<{ assignment: Detail }>(DETAIL, { id }).then((r) => r.assignment), [id]);
  const a = detail.data;
  const grievance = useAsync(() => (a ? gql<{ grievanceById: GrievanceInfo }>(GRIEVANCE, { id: a.grievanceId }).then((r) => r.grievanceById) : Promise.resolve(undefined)), [a?.grievanceId]);
  const [error, setError] = useState<unknown>();
  const now = useNow();
  const run = async (query: string, vars: Record<string, unknown>) => {
    setError(undefined);
    try {
      await gql(query, { id, ...vars });
      await detail.reload();
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  if (!a) return <ErrorMessage error={detail.error} />;
  const g = grievance.data;
  const returnable = a.status === 'CREATED' && !a.bindingDecisionId && Date.parse(a.returnDeadlineAt) > now;
  const handling = ['ACCEPTED', 'IN_PROGRESS'].includes(a.status);
  return (
    <div data-testid="assignment-detail" data-status={a.status}>
      <h2>
        {a.trackingCode} <StatusBadge prefix="assignment" value={a.status} /> <StatusBadge prefix="role" value={`ASSIGNMENT_${a.role}`} />
      </h2>
      {g && (
        <>
          <p data-testid="grievance-description">{g.description}</p>
          <dl className="kv">
            <dt>{t('common.receivedAt')}</dt>
            <dd>{formatDateTime(g.receivedAt)}</dd>
            <dt>{t('common.channel')}</dt>
            <dd>{tEnum('channel', g.channel)}</dd>
            <dt>{t('common.region')}</dt>
            <dd>{g.regionCode}</dd>
            <dt>{t('common.category')}</dt>
            <dd>{g.categoryCode ?? '—'}</dd>
            <dt>{t('workbench.petitioner')}</dt>
            <dd>{g.petitionerWithheld ? t('workbench.withheld') : g.petitioner ? `${g.petitioner.name} ${g.petitioner.phone ?? ''}` : t('workbench.anonymous')}</dd>
            <dt>{t('workbench.returnBy')}</dt>
            <dd>{formatDateTime(a.returnDeadlineAt)}</dd>
            {a.otherUnits.length > 0 && (
              <>
                <dt>{t('workbench.otherUnits')}</dt>
                <dd>{a.otherUnits.map((u) => `${u.unitName}（${tEnum('role', `ASSIGNMENT_${u.role}`)}）`).join('、')}</dd>
              </>
            )}
          </dl>
        </>
      )}
      <ErrorMessage error={error ?? grievance.error} />
      {a.status === 'CREATED' && (
        <div className="actions" style={{ margin: '0.8rem 0' }}>
          <button type="button" className="primary" data-testid="accept" onClick={() => void run(ACCEPT, {})}>
            {t('workbench.accept')}
          </button>
        </div>
      )}
      {returnable && <TextAction testId="return-form" label={t('workbench.return')} field={t('workbench.returnReason')} onSubmit={(reason) => run(RETURN, { reason })} />}
      {handling && <TextAction testId="progress-form" label={t('workbench.progress')} field={t('workbench.progressNote')} multiline onSubmit={(note) => run(PROGRESS, { note })} />}
      {handling && a.role === 'LEAD' && <ExtensionRequest grievanceId={a.grievanceId} />}
      {handling && a.role === 'LEAD' && <ReplyForm onSubmit={(input) => run(REPLY, { input })} />}
      {handling && a.role === 'CO' && <TextAction testId="contribute-form" label={t('workbench.contribute')} field={t('workbench.contribution')} multiline onSubmit={(text) => run(CONTRIBUTE, { text })} />}
      {a.returnReason && <p className="notice">{t('workbench.returnedBecause', { reason: a.returnReason })}</p>}
      {a.reply && (
        <div className="ok" data-testid="reply">
          <h3>{t('workbench.replyTitle')}</h3>
          <p>
            <strong>{t('workbench.letter.opinion')}:</strong> {a.reply.letter.opinion}
          </p>
          <p>
            <strong>{t('workbench.letter.conclusion')}:</strong> {t(`conclusion.${a.reply.letter.conclusion}` as MessageKey)} · {formatDateTime(a.reply.repliedAt)}
          </p>
        </div>
      )}
      {a.contributions.length > 0 && (
        <>
          <h3>{t('workbench.contributions')}</h3>
          <ul>
            {a.contributions.map((c, i) => (
              <li key={i}>
                {c.unitName}: {c.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('workbench.record')}</h3>
      <ol className="timeline">
        {a.timeline.map((e, i) => (
          <li key={i}>
            <time>{formatDateTime(e.at)}</time>
            <strong>{tEnum('activity', e.kind)}</strong>
            {e.by && <span className="muted"> · {e.by.unitCode}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** 承办工作台: the unit's assignments (live), and on each: 签收 / 退回 / 办理进展 / 答复 (处理意见书). */
export function WorkbenchPage() {
  const { t, formatDateTime } = useI18n();
  const [filter, setFilter] = useState('open');
  const [selected, setSelected] = useState<string>();
  const status = FILTERS.find(([k]) => k === filter)?.[1] ?? null;
  const inbox = useAsync(() => gql<{ myAssignments: { edges: { node: InboxRow }[] } }>(INBOX, { status }), [filter]);
  const { reload } = inbox;
  const refresh = useCallback(() => void reload(), [reload]);
  const live = useLiveReload(refresh, [{ query: LIVE }], { pollMs: 5000, key: 'unit' });
  const rows = inbox.data?.myAssignments.edges.map((e) => e.node);
  return (
    <div>
      <div className="toolbar">
        <h1>{t('workbench.title')}</h1>
        <Field label={t('common.status')}>
          <EnumSelect name="filter" prefix="workbench.filter" values={FILTERS.map(([k]) => k)} value={filter} onValue={setFilter} />
        </Field>
        <span className={`live${live ? ' on' : ''}`}>{live ? t('board.live') : t('board.polling')}</span>
      </div>
      <ErrorMessage error={inbox.error} />
      <UnitNotices />
      <div className="split">
        <PickList testId="inbox" rows={rows} rowKey={(r) => r.id} selected={selected} onPick={setSelected} rowData={(r) => ({ 'data-tracking-code': r.trackingCode })}>
          {(r) => (
            <>
              <strong>{r.trackingCode}</strong> <StatusBadge prefix="assignment" value={r.status} tone={r.status === 'CREATED' ? 'warn' : undefined} /> <StatusBadge prefix="role" value={`ASSIGNMENT_${r.role}`} />
              <div className="muted">
                {t('workbench.assignedAt', { at: formatDateTime(r.createdAt) })}
                {r.status === 'CREATED' && ` · ${t('workbench.returnBy')} ${formatDateTime(r.returnDeadlineAt)}`}
              </div>
            </>
          )}
        </PickList>
        <section className="card">{selected ? <AssignmentPanel key={selected} id={selected} onChanged={refresh} /> : <p className="muted">{t('workbench.pick')}</p>}</section>
      </div>
    </div>
  );
}
