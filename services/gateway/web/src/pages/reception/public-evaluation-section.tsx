import { useState } from 'react';
import { gql } from '../../api/client';
import { AddRemoveButtons } from '../../components/add-remove-buttons';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { EnumSelect, Field, Form, SubmitBar, TextAreaField, TextField } from '../../components/form-fields';
import { StatusBadge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

const FIELDS = `id trackingCode matter openedAt concludedAt status quorum rule opinion recommendations
  tally { support oppose abstain notVoted }
  panel { id name kind vote votedAt remarks }`;
const GET = `query ($id: ID!) { publicEvaluation(id: $id) { ${FIELDS} } }`;
const OPEN = `mutation ($input: OpenPublicEvaluationInput!) { openPublicEvaluation(input: $input) { ${FIELDS} } }`;
const VOTE = `mutation ($input: RecordEvaluationVoteInput!) { recordEvaluationVote(input: $input) { ${FIELDS} } }`;
const LIST = `query ($state: PublicEvaluationStatus) { publicEvaluations(state: $state, first: 50) { edges { node { id trackingCode matter status opinion openedAt } } } }`;
const CONCLUDE = `mutation ($input: ConcludePublicEvaluationInput!) { concludePublicEvaluation(input: $input) { ${FIELDS} } }`;

const KINDS = ['NPC_DEPUTY', 'PARTY_CONGRESS_DEPUTY', 'CPPCC_MEMBER', 'LAWYER', 'MEDIATOR', 'COMMUNITY_CADRE', 'SOCIAL_WORKER', 'COMMUNITY_MEMBER'] as const;
const VOTES = ['SUPPORT', 'OPPOSE', 'ABSTAIN'] as const;
const STATES = ['OPEN', 'CONCLUDED'] as const;
/** The service refuses a panel of fewer than three. */
const MIN_PANEL = 3;
interface PanelMember {
  name: string;
  kind: string;
}
interface PublicEvaluation {
  id: string;
  trackingCode: string | null;
  matter: string;
  openedAt: string;
  concludedAt: string | null;
  status: 'OPEN' | 'CONCLUDED';
  quorum: number;
  rule: string;
  opinion: string | null;
  recommendations: string | null;
  tally: { support: number; oppose: number; abstain: number; notVoted: number };
  panel: { id: string; name: string; kind: string; vote: string | null; votedAt: string | null; remarks: string | null }[];
}

/** 发起评议: the contested matter and a panel of at least three (人大代表、政协委员、律师…). */
function OpenForm({ onOpened }: { onOpened: (e: PublicEvaluation) => void }) {
  const { t } = useI18n();
  const [trackingCode, setTrackingCode] = useState('');
  const [matter, setMatter] = useState('');
  const [quorum, setQuorum] = useState('');
  const [panel, setPanel] = useState<PanelMember[]>(() => Array.from({ length: MIN_PANEL }, () => ({ name: '', kind: 'NPC_DEPUTY' })));
  const action = useAction();
  const setMember = (i: number, change: Partial<PanelMember>) => setPanel(panel.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const submit = async () => {
    const input = {
      trackingCode: trackingCode.trim(),
      matter: matter.trim(),
      panel: panel.map((p, i) => ({ id: `panel-${i + 1}`, name: p.name.trim(), kind: p.kind })),
      ...(quorum ? { quorum: Number(quorum) } : {}),
    };
    const r = await action.run(() => gql<{ openPublicEvaluation: PublicEvaluation }>(OPEN, { input }));
    if (r) onOpened(r.openPublicEvaluation);
  };
  return (
    <Form onSubmit={submit} testId="open-evaluation-form">
      <h3>{t('evaluationPanel.open')}</h3>
      <div className="row">
        <TextField label={t('common.trackingCode')} name="evaluationTrackingCode" value={trackingCode} onValue={setTrackingCode} required />
        <TextField label={t('evaluationPanel.quorum')} name="quorum" type="number" min={1} max={panel.length} value={quorum} onValue={setQuorum} placeholder={t('evaluationPanel.quorumHint')} />
      </div>
      <TextAreaField label={t('evaluationPanel.matter')} name="matter" value={matter} onValue={setMatter} required maxLength={2000} />
      <h4 style={{ margin: 0 }}>{t('evaluationPanel.panel')}</h4>
      {panel.map((p, i) => (
        <div className="row" key={i}>
          <TextField label={t('evaluationPanel.memberName', { n: i + 1 })} name={`panel-${i}-name`} value={p.name} required onValue={(name) => setMember(i, { name })} />
          <Field label={t('evaluationPanel.kind')}>
            <EnumSelect name={`panel-${i}-kind`} prefix="evaluatorKind" values={KINDS} value={p.kind} onValue={(kind) => setMember(i, { kind })} />
          </Field>
        </div>
      ))}
      <AddRemoveButtons rows={panel} onRows={setPanel} newRow={{ name: '', kind: 'COMMUNITY_MEMBER' }} min={MIN_PANEL} addLabel={t('evaluationPanel.addMember')} removeLabel={t('evaluationPanel.removeMember')} />
      <SubmitBar label={t('evaluationPanel.open')} busy={action.busy} error={action.error} />
    </Form>
  );
}

function VoteButtons({ evaluationId, evaluatorId, onVoted }: { evaluationId: string; evaluatorId: string; onVoted: (e: PublicEvaluation) => void }) {
  const { tEnum } = useI18n();
  const action = useAction();
  return (
    <span className="actions" style={{ display: 'inline-flex' }}>
      {VOTES.map((v) => (
        <button
          key={v}
          type="button"
          data-vote={v}
          disabled={action.busy}
          onClick={async () => {
            const r = await action.run(() => gql<{ recordEvaluationVote: PublicEvaluation }>(VOTE, { input: { publicEvaluationId: evaluationId, evaluatorId, vote: v } }));
            if (r) onVoted(r.recordEvaluationVote);
          }}
        >
          {tEnum('vote', v)}
        </button>
      ))}
      <ErrorMessage error={action.error} />
    </span>
  );
}

/** One evaluation: the panel's votes (recorded once each), the tally, and concluding by the stated rule. */
function EvaluationView({ id, canRun }: { id: string; canRun: boolean }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const loaded = useAsync(() => gql<{ publicEvaluation: PublicEvaluation }>(GET, { id }).then((r) => r.publicEvaluation), [id]);
  const [latest, setLatest] = useState<PublicEvaluation>();
  const [recommendations, setRecommendations] = useState('');
  const conclude = useAction();
  const e = latest ?? loaded.data;
  if (!e) return <ErrorMessage error={loaded.error} />;
  const open = e.status === 'OPEN';
  const columns: Column<PublicEvaluation['panel'][number]>[] = [
    { header: t('evaluationPanel.member'), cell: (p) => p.name },
    { header: t('evaluationPanel.kind'), cell: (p) => tEnum('evaluatorKind', p.kind) },
    {
      header: t('evaluationPanel.vote'),
      cell: (p) => (p.vote ? tEnum('vote', p.vote) : canRun && open ? <VoteButtons evaluationId={e.id} evaluatorId={p.id} onVoted={setLatest} /> : <span className="muted">{t('evaluationPanel.notVoted')}</span>),
    },
  ];
  const submit = async () => {
    const r = await conclude.run(() => gql<{ concludePublicEvaluation: PublicEvaluation }>(CONCLUDE, { input: { publicEvaluationId: e.id, ...(recommendations.trim() ? { recommendations: recommendations.trim() } : {}) } }));
    if (r) setLatest(r.concludePublicEvaluation);
  };
  return (
    <div data-testid="public-evaluation" data-status={e.status}>
      <h3>
        {e.trackingCode} · {e.matter} <StatusBadge prefix="evaluationStatus" value={e.status} />
      </h3>
      <p className="hint">
        {t('evaluationPanel.openedAt', { at: formatDateTime(e.openedAt) })} · {t('evaluationPanel.quorumIs', { n: e.quorum })} · {e.rule}
      </p>
      <DataTable columns={columns} rows={e.panel} rowKey={(p) => p.id} rowData={(p) => ({ 'data-evaluator-id': p.id })} />
      <p data-testid="tally">
        {t('evaluationPanel.tally', { support: e.tally.support, oppose: e.tally.oppose, abstain: e.tally.abstain, notVoted: e.tally.notVoted })}
      </p>
      {e.opinion && (
        <div className={e.opinion === 'HANDLING_SUPPORTED' ? 'ok' : 'notice'} data-testid="evaluation-opinion" data-opinion={e.opinion}>
          <strong>{tEnum('evaluationOpinion', e.opinion)}</strong> · {formatDateTime(e.concludedAt)}
          {e.recommendations && <div>{e.recommendations}</div>}
        </div>
      )}
      {canRun && open && (
        <Form onSubmit={submit}>
          <TextAreaField label={t('evaluationPanel.recommendations')} name="recommendations" value={recommendations} onValue={setRecommendations} maxLength={2000} />
          <SubmitBar label={t('evaluationPanel.conclude')} busy={conclude.busy} error={conclude.error} testId="conclude-evaluation" />
        </Form>
      )}
    </div>
  );
}

type EvaluationRow = Pick<PublicEvaluation, 'id' | 'trackingCode' | 'matter' | 'status' | 'opinion' | 'openedAt'>;

/** 阳光信访公开评议: the sessions of the region listed; a supervisor opens one with a panel, records the votes and concludes; leaders read. */
export function PublicEvaluationSection({ canRun }: { canRun: boolean }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [state, setState] = useState<'' | 'OPEN' | 'CONCLUDED'>('');
  const list = useAsync(
    () => gql<{ publicEvaluations: { edges: { node: EvaluationRow }[] } }>(LIST, { state: state || null }).then((r) => r.publicEvaluations.edges.map((e) => e.node)),
    [state],
  );
  const [current, setCurrent] = useState<string>();
  // A new key empties the open form once an evaluation is opened.
  const [formKey, setFormKey] = useState(0);
  const show = (e: PublicEvaluation) => {
    setFormKey((k) => k + 1);
    setCurrent(e.id);
    void list.reload();
  };
  return (
    <section className="card" data-testid="public-evaluations">
      <h2 style={{ marginTop: 0 }}>{t('evaluationPanel.title')}</h2>
      <p className="hint">{t('evaluationPanel.hint')}</p>
      <div className="actions">
        <h3 style={{ flex: 1, margin: 0 }}>{t('evaluationPanel.list')}</h3>
        <EnumSelect name="evaluationState" prefix="evaluationStatus" values={STATES} emptyLabel={t('evaluationPanel.all')} value={state} onValue={(s) => setState(s as typeof state)} style={{ width: 'auto' }} />
        <button type="button" onClick={() => void list.reload()}>
          {t('common.refresh')}
        </button>
      </div>
      <ErrorMessage error={list.error} />
      {list.data?.length === 0 && <p className="muted">{t('evaluationPanel.listEmpty')}</p>}
      <ul className="plain" data-testid="public-evaluation-list">
        {(list.data ?? []).map((e) => (
          <li key={e.id} data-evaluation-id={e.id} data-status={e.status} className={e.id === current ? 'selected' : undefined}>
            <button type="button" className="link" onClick={() => setCurrent(e.id)}>
              <strong>{e.trackingCode ?? e.id}</strong> · {tEnum('evaluationStatus', e.status)} · {formatDateTime(e.openedAt)}
            </button>{' '}
            <span className="muted">{e.matter}</span>
          </li>
        ))}
      </ul>
      {current && <EvaluationView key={current} id={current} canRun={canRun} />}
      {canRun && <OpenForm key={formKey} onOpened={show} />}
    </section>
  );
}
