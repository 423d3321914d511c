import { useCallback, useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { ErrorMessage } from '../components/error-message';
import { Field, InlineForm } from '../components/form-fields';
import { StatusBadge } from '../components/labels';
import { PickList } from '../components/pick-list';
import { useAsync } from '../components/use-async';
import { useLiveReload } from '../components/use-live-reload';
import { useI18n } from '../i18n';
import { MEDIATION_FIELDS, MediationSteps, type MediationFile } from './mediation-steps';

const INBOX = `query ($as: HandoffInboxRole) {
  handoffInbox(first: 50, as: $as) {
    edges { node { id kind status sourceReference matter regionCode requestedAt mediationDueAt version source { name } target { name } judicialConfirmation { decision requestedAt } } }
  }
}`;
const HANDOFF_FIELDS = `id kind status version matter sourceReference regionCode requestedAt acceptedAt mediationDueAt commandsAllowed
  source { name } target { name }
  parties { id name role }
  timeLimit { amount unit source }
  judicialConfirmation { courtOrgCode requestedAt decision decidedAt }
  timeline { at command from to }
  ${MEDIATION_FIELDS}`;
const DETAIL = `query ($id: ID!) { handoff(id: $id) { ${HANDOFF_FIELDS} } }`;
const ACCEPT = `mutation ($input: HandoffCommandInput!) { acceptHandoff(input: $input) { ${HANDOFF_FIELDS} } }`;
const DECLINE = `mutation ($input: DeclineHandoffInput!) { declineHandoff(input: $input) { ${HANDOFF_FIELDS} } }`;
const RETURN = `mutation ($input: ReturnToSourceInput!) { returnHandoffToSource(input: $input) { ${HANDOFF_FIELDS} } }`;
const DECIDE = `mutation ($input: DecideJudicialConfirmationInput!) { decideJudicialConfirmation(input: $input) { ${HANDOFF_FIELDS} } }`;

interface Row {
  id: string;
  kind: string;
  status: string;
  sourceReference: string;
  matter: string;
  regionCode: string;
  requestedAt: string;
  mediationDueAt: string | null;
  version: number;
  source: { name: string };
  target: { name: string };
  judicialConfirmation: { decision: string | null; requestedAt: string | null } | null;
}
interface Detail extends Row, Omit<MediationFile, 'id' | 'version'> {
  acceptedAt: string | null;
  commandsAllowed: string[];
  parties: { id: string; name: string; role: string }[];
  timeLimit: { amount: number; unit: string; source: string };
  judicialConfirmation: { courtOrgCode: string; requestedAt: string | null; decision: string | null; decidedAt: string | null } | null;
  timeline: { at: string; command: string; from: string | null; to: string }[];
}

/** The steps between acceptance and the conclusion; the conclusion's own steps (judicial confirmation, return) stay on the panel. */
const MEDIATION_COMMANDS = ['record_parties', 'appoint_mediator', 'record_consent', 'schedule_session', 'record_session', 'conclude_agreement', 'conclude_failure'];
const PANEL_COMMANDS = ['accept', 'decline', 'return_to_source', ...MEDIATION_COMMANDS];

function HandoffPanel({ id, court, onChanged }: { id: string; court: boolean; onChanged: () => void }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const detail = useAsync(() => gql<{ handoff: Detail }>(DETAIL, { id }).then((r) => r.handoff), [id]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const h = detail.data;
  if (!h) return <ErrorMessage error={detail.error} />;
  const run = async (query: string, extra: Record<string, unknown> = {}) => {
    setError(undefined);
    try {
      // expectedVersion: refuse if someone else moved the handoff on meanwhile (CONFLICT).
      await gql(query, { input: { handoffId: h.id, expectedVersion: h.version, ...extra } });
      await detail.reload();
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const can = (c: string) => h.commandsAllowed.includes(c);
  const pendingConfirmation = court && h.judicialConfirmation && !h.judicialConfirmation.decision;
  return (
    <div data-testid="handoff-detail" data-status={h.status}>
      <h2>
        {tEnum('handoffKind', h.kind)} <StatusBadge prefix="handoff" value={h.status} />
      </h2>
      <p>{h.matter}</p>
      <dl className="kv">
        <dt>{t('handoffs.source')}</dt>
        <dd>
          {h.source.name} · {h.sourceReference}
        </dd>
        <dt>{t('handoffs.target')}</dt>
        <dd>{h.target.name}</dd>
        <dt>{t('handoffs.parties')}</dt>
        <dd>{h.parties.map((p) => `${p.name}（${tEnum('party', p.role)}）`).join('、')}</dd>
        <dt>{t('handoffs.requestedAt')}</dt>
        <dd>{formatDateTime(h.requestedAt)}</dd>
        <dt>{t('handoffs.due')}</dt>
        <dd>
          {formatDateTime(h.mediationDueAt)} <span className="muted">({h.timeLimit.source})</span>
        </dd>
      </dl>
      <ErrorMessage error={error} />
      <div className="actions" style={{ margin: '0.8rem 0' }}>
        {can('accept') && (
          <button type="button" className="primary" onClick={() => void run(ACCEPT)}>
            {t('handoffs.accept')}
          </button>
        )}
        {can('return_to_source') && (
          <button type="button" onClick={() => void run(RETURN)}>
            {t('handoffs.returnToSource')}
          </button>
        )}
        {pendingConfirmation && (
          <>
            <button type="button" className="primary" onClick={() => void run(DECIDE, { decision: 'CONFIRMED', at: new Date().toISOString() })}>
              {t('handoffs.confirm')}
            </button>
            <button type="button" className="danger" onClick={() => void run(DECIDE, { decision: 'REJECTED', at: new Date().toISOString() })}>
              {t('handoffs.reject')}
            </button>
          </>
        )}
      </div>
      {can('decline') && (
        <InlineForm label={t('handoffs.decline')} buttonClass="danger" onSubmit={() => run(DECLINE, { reason: reason.trim() })}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('common.reason')} required style={{ width: '16rem' }} />
        </InlineForm>
      )}
      {(h.commandsAllowed.some((c) => MEDIATION_COMMANDS.includes(c)) || h.sessions.length > 0) && (
        <MediationSteps
          h={h}
          onChanged={async () => {
            await detail.reload();
            onChanged();
          }}
        />
      )}
      {h.commandsAllowed.some((c) => !PANEL_COMMANDS.includes(c)) && <p className="hint">{t('handoffs.moreSteps')}</p>}
      <h3>{t('workbench.record')}</h3>
      <ol className="timeline">
        {h.timeline.map((e, i) => (
          <li key={i}>
            <time>{formatDateTime(e.at)}</time>
            <strong>{tEnum('handoff', e.to)}</strong> <span className="muted">{e.command}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** 衔接收件箱: the handoffs sent to a court, procuratorate, police station or mediation committee (courts: confirmations too). */
export function HandoffInboxPage() {
  const { t, tEnum, formatDateTime } = useI18n();
  const court = loadSession()?.user.role === 'COURT';
  const [as, setAs] = useState(court ? 'CONFIRMING_COURT' : 'RECEIVER');
  const [selected, setSelected] = useState<string>();
  const inbox = useAsync(() => gql<{ handoffInbox: { edges: { node: Row }[] } }>(INBOX, { as }), [as]);
  const { reload } = inbox;
  const refresh = useCallback(() => void reload(), [reload]);
  // No subscription for handoffs yet: polling keeps the inbox current.
  useLiveReload(refresh, [], { pollMs: 10_000, key: 'handoffs' });
  const rows = inbox.data?.handoffInbox.edges.map((e) => e.node);
  return (
    <div>
      <div className="toolbar">
        <h1>{t('handoffs.title')}</h1>
        {court && (
          <Field label={t('handoffs.view')}>
            <select value={as} onChange={(e) => setAs(e.target.value)}>
              <option value="CONFIRMING_COURT">{t('handoffs.asCourt')}</option>
              <option value="RECEIVER">{t('handoffs.asReceiver')}</option>
            </select>
          </Field>
        )}
      </div>
      <ErrorMessage error={inbox.error} />
      <div className="split">
        <PickList testId="handoff-inbox" rows={rows} rowKey={(r) => r.id} selected={selected} onPick={setSelected} rowData={(r) => ({ 'data-reference': r.sourceReference, 'data-status': r.status })}>
          {(r) => (
            <>
              <strong>{tEnum('handoffKind', r.kind)}</strong> <StatusBadge prefix="handoff" value={r.status} tone={r.status === 'REQUESTED' ? 'warn' : undefined} />
              <div>{r.matter}</div>
              <div className="muted">
                {r.source.name} · {formatDateTime(r.requestedAt)}
                {r.mediationDueAt && ` · ${t('handoffs.due')} ${formatDateTime(r.mediationDueAt)}`}
              </div>
            </>
          )}
        </PickList>
        <section className="card">{selected ? <HandoffPanel key={selected} id={selected} court={court} onChanged={refresh} /> : <p className="muted">{t('workbench.pick')}</p>}</section>
      </div>
    </div>
  );
}
