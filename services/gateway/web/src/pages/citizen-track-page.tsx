import { useEffect, useEffectEvent, useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { myCases, rememberCase } from '../api/citizen-cases';
import { ErrorMessage } from '../components/error-message';
import { CheckField, TextAreaField, TextField } from '../components/form-fields';
import { useI18n, type MessageKey } from '../i18n';
import { useLocation } from '../router';

const TRACKING_FIELDS = 'trackingCode status channel receivedAt leadUnitName dueAt timeline { at kind detail }';
const TRACK = `query ($code: String!, $secret: String!) { trackGrievance(trackingCode: $code, secret: $secret) { ${TRACKING_FIELDS} } }`;
const WITHDRAW = `mutation ($code: String!, $secret: String!, $reason: String!) {
  withdrawGrievance(trackingCode: $code, secret: $secret, reason: $reason) { ${TRACKING_FIELDS} }
}`;
const EVALUATE = `mutation ($input: EvaluateMyGrievanceInput!) { evaluateMyGrievance(input: $input) { trackingCode status myEvaluation final } }`;

interface Tracking {
  trackingCode: string;
  status: string;
  channel: string;
  receivedAt: string;
  leadUnitName: string | null;
  dueAt: string | null;
  timeline: { at: string; kind: string; detail: string }[];
}

function parseDetail(detail: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(detail);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** One timeline step in words: the public facts its detail carries (unit name, due date…). */
function TimelineStep({ kind, detail }: { kind: string; detail: string }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const d = parseDetail(detail);
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  const label = tEnum('timeline', kind);
  let extra = '';
  if (kind === 'assigned' && str('unitName')) extra = str('unitName');
  else if (kind === 'deadline_set' && str('dueAt')) extra = t('track.dueAt', { at: formatDateTime(str('dueAt')) });
  else if (kind === 'received' && str('channel')) extra = tEnum('channel', str('channel').toUpperCase());
  return (
    <>
      <strong>{label}</strong>
      {extra && <span> · {extra}</span>}
    </>
  );
}

const EVALUATION_RESULTS: [string, MessageKey][] = [
  ['SATISFIED', 'evaluation.SATISFIED'],
  ['BASICALLY_SATISFIED', 'evaluation.BASICALLY_SATISFIED'],
  ['NOT_SATISFIED', 'evaluation.NOT_SATISFIED'],
];

function EvaluateForm({ code, secret }: { code: string; secret: string }) {
  const { t } = useI18n();
  const [result, setResult] = useState('SATISFIED');
  const [resolved, setResolved] = useState(true);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await gql(EVALUATE, { input: { trackingCode: code, secret, result, resolved, ...(comment.trim() ? { comment: comment.trim() } : {}) } }, { anonymous: true });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  };
  if (done) return <p className="ok" data-testid="evaluated">{t('evaluation.thanks')}</p>;
  return (
    <form onSubmit={submit} className="form" data-testid="evaluate-form">
      <h2>{t('evaluation.title')}</h2>
      <div className="actions">
        {EVALUATION_RESULTS.map(([value, key]) => (
          <label key={value} className="check">
            <input type="radio" name="result" value={value} checked={result === value} onChange={() => setResult(value)} />
            {t(key)}
          </label>
        ))}
      </div>
      <CheckField label={t('evaluation.resolved')} checked={resolved} onValue={setResolved} />
      <TextAreaField label={t('evaluation.comment')} value={comment} onValue={setComment} maxLength={2000} />
      <ErrorMessage error={error} />
      <button type="submit" className="primary">
        {t('evaluation.submit')}
      </button>
    </form>
  );
}

/** The secret this device keeps for a tracking code ('' when it keeps none). */
const secretFor = (trackingCode: string): string => myCases().find((c) => c.trackingCode === trackingCode)?.secret ?? '';

/** 查询进度: code + secret → status, the handling unit, the deadline and the public timeline; withdraw; evaluate after the reply. */
export function CitizenTrackPage() {
  const { t, tEnum, formatDateTime } = useI18n();
  const { query } = useLocation();
  const fromLink = query.get('code') ?? '';
  const saved = myCases();
  const [code, setCode] = useState(fromLink);
  const [secret, setSecret] = useState(() => secretFor(fromLink));
  // A later link (back / forward to another case) puts its own code and secret in the form.
  const [shownLink, setShownLink] = useState(fromLink);
  if (shownLink !== fromLink) {
    setShownLink(fromLink);
    setCode(fromLink);
    setSecret(secretFor(fromLink));
  }
  const [tracking, setTracking] = useState<Tracking>();
  const [error, setError] = useState<unknown>();
  const [withdrawReason, setWithdrawReason] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  const [evaluating, setEvaluating] = useState(false);

  // State is set only once the answer is in (an effect calls this too).
  const load = (c = code, s = secret) =>
    gql<{ trackGrievance: Tracking }>(TRACK, { code: c.trim(), secret: s.trim() }, { anonymous: true }).then(
      ({ trackGrievance }) => {
        setError(undefined);
        setTracking(trackGrievance);
        rememberCase(trackGrievance.trackingCode, s.trim());
      },
      (err: unknown) => {
        setTracking(undefined);
        setError(err);
      },
    );

  // Opened from the submission page or "my cases": the secret is on this device already.
  const openLinked = useEffectEvent((linked: string) => {
    const own = secretFor(linked);
    if (own) void load(linked, own);
  });
  useEffect(() => {
    if (fromLink) openLinked(fromLink);
  }, [fromLink]);

  const withdraw = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const { withdrawGrievance } = await gql<{ withdrawGrievance: Tracking }>(WITHDRAW, { code: code.trim(), secret: secret.trim(), reason: withdrawReason.trim() }, { anonymous: true });
      setTracking(withdrawGrievance);
      setWithdrawing(false);
    } catch (err) {
      setError(err);
    }
  };

  const open = tracking && !['CLOSED', 'WITHDRAWN'].includes(tracking.status);
  return (
    <section className="card narrow">
      <h1>{t('track.title')}</h1>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <div className="row">
          <TextField label={t('submit.trackingCode')} name="trackingCode" value={code} onValue={setCode} required autoCapitalize="characters" />
          <TextField label={t('submit.secret')} name="secret" value={secret} onValue={setSecret} required autoComplete="off" />
        </div>
        <button type="submit" className="primary">
          {t('track.submit')}
        </button>
      </form>
      {saved.length > 0 && !tracking && (
        <div>
          <h3>{t('track.myCases')}</h3>
          <div className="actions">
            {saved.map((c) => (
              <button
                key={c.trackingCode}
                type="button"
                onClick={() => {
                  setCode(c.trackingCode);
                  setSecret(c.secret);
                  void load(c.trackingCode, c.secret);
                }}
              >
                {c.trackingCode}
              </button>
            ))}
          </div>
        </div>
      )}
      <ErrorMessage error={error} />
      {tracking && (
        <div data-testid="tracking">
          <h2>
            {tracking.trackingCode} · <span data-testid="tracking-status">{tEnum('status', tracking.status)}</span>
          </h2>
          <dl className="kv">
            <dt>{t('track.receivedAt')}</dt>
            <dd>{formatDateTime(tracking.receivedAt)}</dd>
            <dt>{t('track.leadUnit')}</dt>
            <dd data-testid="lead-unit">{tracking.leadUnitName ?? t('track.notYetAssigned')}</dd>
            <dt>{t('track.due')}</dt>
            <dd>{formatDateTime(tracking.dueAt)}</dd>
          </dl>
          <h3>{t('track.timeline')}</h3>
          <ol className="timeline" data-testid="timeline">
            {tracking.timeline.map((e, i) => (
              <li key={i} data-kind={e.kind}>
                <time>{formatDateTime(e.at)}</time>
                <TimelineStep kind={e.kind} detail={e.detail} />
              </li>
            ))}
          </ol>
          <div className="actions">
            <button type="button" onClick={() => void load()}>
              {t('common.refresh')}
            </button>
            {open && !withdrawing && (
              <button type="button" className="danger" onClick={() => setWithdrawing(true)}>
                {t('track.withdraw')}
              </button>
            )}
          </div>
          {withdrawing && (
            <form onSubmit={withdraw} className="form">
              <TextField label={t('track.withdrawReason')} value={withdrawReason} onValue={setWithdrawReason} required maxLength={500} />
              <div className="actions">
                <button type="submit" className="danger">
                  {t('track.withdrawConfirm')}
                </button>
                <button type="button" onClick={() => setWithdrawing(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </form>
          )}
          {/* Offered once a unit has it: the server refuses while there is no answer to evaluate yet, and says so. */}
          {!['RECEIVED', 'WITHDRAWN'].includes(tracking.status) &&
            (evaluating ? (
              <EvaluateForm code={tracking.trackingCode} secret={secret.trim()} />
            ) : (
              <div className="actions" style={{ marginTop: '0.8rem' }}>
                <button type="button" data-testid="open-evaluation" onClick={() => setEvaluating(true)}>
                  {t('evaluation.title')}
                </button>
              </div>
            ))}
        </div>
      )}
    </section>
  );
}
