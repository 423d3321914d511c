import { useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { ErrorMessage } from '../components/error-message';
import { useAsync } from '../components/use-async';
import { useI18n } from '../i18n';

/** What the steps read of a handoff (HandoffPanel asks for these fields too). */
export const MEDIATION_FIELDS = `mediatorId mediator { mediatorId name }
  consents { partyId consents at }
  sessions { sessionId at mode location held { record } }`;

const MEDIATORS = `query ($org: String) { mediators(orgCode: $org) { id name active } }`;
const APPOINT = `mutation ($input: AppointMediatorInput!) { appointMediator(input: $input) { id } }`;
const CONSENT = `mutation ($input: RecordConsentInput!) { recordPartyConsent(input: $input) { id } }`;
const SCHEDULE = `mutation ($input: ScheduleSessionInput!) { scheduleMediationSession(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordSessionInput!) { recordMediationSession(input: $input) { id } }`;
const AGREE = `mutation ($input: ConcludeWithAgreementInput!) { concludeMediationWithAgreement(input: $input) { id } }`;
const FAIL = `mutation ($input: ConcludeWithoutAgreementInput!) { concludeMediationWithoutAgreement(input: $input) { id } }`;

const FAILURE_ENDS = ['POSITIONS_TOO_FAR_APART', 'REFUSED_TO_SIGN', 'PARTY_UNREACHABLE', 'WITHDRAWN', 'TIME_LIMIT_PASSED', 'OTHER'];

export interface MediationFile {
  id: string;
  version: number;
  commandsAllowed: string[];
  parties: { id: string; name: string; role: string }[];
  mediatorId: string | null;
  mediator: { mediatorId: string; name: string | null } | null;
  consents: { partyId: string; consents: boolean; at: string }[];
  sessions: { sessionId: string; at: string; mode: string; location: string | null; held: { record: string } | null }[];
}

/** datetime-local in the browser's zone → ISO instant. */
const isoOf = (local: string) => new Date(local).toISOString();
/** Now, to the minute, as datetime-local: a session is recorded once it has started (the service refuses earlier). */
const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/** 调解步骤 for a mediation committee: appoint, consents, a session, and the agreement (人民调解法 第二十九条) or the failure. */
export function MediationSteps({ h, onChanged }: { h: MediationFile; onChanged: () => Promise<void> }) {
  const { t, tEnum } = useI18n();
  const can = (c: string) => h.commandsAllowed.includes(c);
  const [error, setError] = useState<unknown>();
  const mediators = useAsync(() => (can('appoint_mediator') ? gql<{ mediators: { id: string; name: string; active: boolean }[] }>(MEDIATORS, { org: loadSession()?.user.orgCode ?? null }).then((r) => r.mediators.filter((m) => m.active)) : Promise.resolve([])), [h.version]);
  const [mediatorId, setMediatorId] = useState('');
  const [chosenByParties, setChosenByParties] = useState(false);
  const [declared, setDeclared] = useState(false);
  const [when, setWhen] = useState(nowLocal);
  const [mode, setMode] = useState('ON_SITE');
  const [location, setLocation] = useState('');
  const [record, setRecord] = useState('');
  const [agreement, setAgreement] = useState({ factsAndDispute: '', responsibilities: '', terms: '', manner: '', deadline: '', method: 'HANDWRITTEN' });
  const [failure, setFailure] = useState({ end: 'POSITIONS_TOO_FAR_APART', reason: '' });
  const setA = (k: keyof typeof agreement) => (e: { target: { value: string } }) => setAgreement({ ...agreement, [k]: e.target.value });

  const run = async (query: string, extra: Record<string, unknown>) => {
    setError(undefined);
    try {
      await gql(query, { input: { handoffId: h.id, expectedVersion: h.version, ...extra } });
      await onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const consentOf = (partyId: string) => h.consents.find((c) => c.partyId === partyId);
  const pendingSession = h.sessions.find((s) => !s.held);
  const heldSession = h.sessions.some((s) => s.held);
  const mediatorName = h.mediator?.name ?? h.mediatorId;

  return (
    <div data-testid="mediation-steps">
      <h3>{t('mediation.title')}</h3>
      {mediatorName && (
        <p>
          {t('mediation.mediator')}: <strong data-testid="mediator-name">{mediatorName}</strong>
        </p>
      )}
      <ErrorMessage error={error} />
      {can('appoint_mediator') && (
        <form
          className="form"
          data-testid="appoint-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(APPOINT, { mediatorId, chosenByParties, conflictOfInterestDeclared: declared });
          }}
        >
          <label>
            {t('mediation.mediator')}
            <select name="mediatorId" value={mediatorId} onChange={(e) => setMediatorId(e.target.value)} required>
              <option value="">—</option>
              {mediators.data?.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" name="chosenByParties" checked={chosenByParties} onChange={(e) => setChosenByParties(e.target.checked)} />
            {t('mediation.chosenByParties')}
          </label>
          <label className="check">
            <input type="checkbox" name="conflictOfInterestDeclared" checked={declared} onChange={(e) => setDeclared(e.target.checked)} required />
            {t('mediation.noConflict')}
          </label>
          <button type="submit" className="primary">
            {t('mediation.appoint')}
          </button>
        </form>
      )}
      {(can('record_consent') || h.consents.length > 0) && (
        <table data-testid="consents">
          <thead>
            <tr>
              <th>{t('handoffs.parties')}</th>
              <th>{t('mediation.consent')}</th>
            </tr>
          </thead>
          <tbody>
            {h.parties.map((p) => {
              const c = consentOf(p.id);
              return (
                <tr key={p.id} data-party={p.id}>
                  <td>
                    {p.name}（{tEnum('party', p.role)}）
                  </td>
                  <td>
                    {c ? (
                      <span className={`badge${c.consents ? '' : ' danger'}`}>{c.consents ? t('mediation.consents') : t('mediation.refuses')}</span>
                    ) : can('record_consent') ? (
                      <span className="actions">
                        <button type="button" data-testid="consent-yes" onClick={() => void run(CONSENT, { partyId: p.id, consents: true })}>
                          {t('mediation.consents')}
                        </button>
                        <button type="button" className="danger" onClick={() => void run(CONSENT, { partyId: p.id, consents: false })}>
                          {t('mediation.refuses')}
                        </button>
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {h.sessions.length > 0 && (
        <ul data-testid="sessions">
          {h.sessions.map((s) => (
            <li key={s.sessionId}>
              {new Date(s.at).toLocaleString()} · {tEnum('sessionMode', s.mode)} {s.location ?? ''} {s.held ? `· ${s.held.record}` : ''}
            </li>
          ))}
        </ul>
      )}
      {can('schedule_session') && !pendingSession && (
        <form
          className="actions"
          data-testid="schedule-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(SCHEDULE, { at: isoOf(when), mode, ...(location.trim() ? { location: location.trim() } : {}) });
          }}
        >
          <input type="datetime-local" name="at" value={when} onChange={(e) => setWhen(e.target.value)} required style={{ width: '14rem' }} />
          <select name="mode" value={mode} onChange={(e) => setMode(e.target.value)} style={{ width: 'auto' }}>
            <option value="ON_SITE">{t('sessionMode.ON_SITE')}</option>
            <option value="ONLINE">{t('sessionMode.ONLINE')}</option>
          </select>
          <input name="location" value={location} onChange={(e) => setLocation(e.target.value)} placeholder={t('mediation.location')} style={{ width: '12rem' }} />
          <button type="submit">{t('mediation.schedule')}</button>
        </form>
      )}
      {can('record_session') && pendingSession && (
        <form
          className="form"
          data-testid="session-form"
          onSubmit={(e) => {
            e.preventDefault();
            const participants = [...h.parties.map((p) => p.id), ...(h.mediatorId ? [h.mediatorId] : [])];
            void run(RECORD, { sessionId: pendingSession.sessionId, participants, record: record.trim() });
          }}
        >
          {Date.parse(pendingSession.at) > Date.now() && <span className="hint">{t('mediation.notYetHeld')}</span>}
          <label>
            {t('mediation.record')}
            <textarea name="record" value={record} onChange={(e) => setRecord(e.target.value)} required maxLength={5000} />
          </label>
          <button type="submit">{t('mediation.recordSession')}</button>
        </form>
      )}
      {can('conclude_agreement') && heldSession && (
        <form
          className="form"
          data-testid="agreement-form"
          onSubmit={(e) => {
            e.preventDefault();
            const signedAt = new Date().toISOString();
            void run(AGREE, {
              agreement: {
                factsAndDispute: agreement.factsAndDispute.trim(),
                responsibilities: agreement.responsibilities.trim(),
                terms: agreement.terms.split('\n').map((x) => x.trim()).filter(Boolean),
                performance: { manner: agreement.manner.trim(), deadline: agreement.deadline },
                signatures: h.parties.map((p) => ({ partyId: p.id, signedAt, method: agreement.method })),
              },
            });
          }}
        >
          <h3>{t('mediation.agreement')}</h3>
          <label>
            {t('mediation.factsAndDispute')}
            <textarea name="factsAndDispute" value={agreement.factsAndDispute} onChange={setA('factsAndDispute')} required />
          </label>
          <label>
            {t('mediation.responsibilities')}
            <textarea name="responsibilities" value={agreement.responsibilities} onChange={setA('responsibilities')} required />
          </label>
          <label>
            {t('mediation.terms')}
            <textarea name="terms" value={agreement.terms} onChange={setA('terms')} required />
          </label>
          <div className="row">
            <label>
              {t('mediation.manner')}
              <input name="manner" value={agreement.manner} onChange={setA('manner')} required />
            </label>
            <label>
              {t('mediation.deadline')}
              <input name="deadline" type="date" value={agreement.deadline} onChange={setA('deadline')} required />
            </label>
            <label>
              {t('mediation.signature')}
              <select name="method" value={agreement.method} onChange={setA('method')}>
                {['HANDWRITTEN', 'FINGERPRINT', 'SEAL', 'E_SIGNATURE'].map((m) => (
                  <option key={m} value={m}>
                    {tEnum('signature', m)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <span className="hint">{t('mediation.signedByAll')}</span>
          <button type="submit" className="primary">
            {t('mediation.concludeAgreement')}
          </button>
        </form>
      )}
      {can('conclude_failure') && (
        <form
          className="actions"
          data-testid="failure-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(FAIL, { end: failure.end, reason: failure.reason.trim() });
          }}
        >
          <select name="end" value={failure.end} onChange={(e) => setFailure({ ...failure, end: e.target.value })} style={{ width: 'auto' }}>
            {FAILURE_ENDS.map((x) => (
              <option key={x} value={x}>
                {tEnum('failureEnd', x)}
              </option>
            ))}
          </select>
          <input name="failureReason" value={failure.reason} onChange={(e) => setFailure({ ...failure, reason: e.target.value })} placeholder={t('common.reason')} required style={{ width: '14rem' }} />
          <button type="submit" className="danger">
            {t('mediation.concludeFailure')}
          </button>
        </form>
      )}
    </div>
  );
}
