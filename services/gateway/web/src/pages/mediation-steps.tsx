import { useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage } from '../components/error-message';
import { CheckField, EnumSelect, Field, Form, InlineForm, TextAreaField, TextField } from '../components/form-fields';
import { Badge } from '../components/labels';
import { useAsync } from '../components/use-async';
import { useNow } from '../components/use-now';
import { useI18n } from '../i18n';
import { HandoffPartiesForm } from './handoff-parties-form';

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
const SESSION_MODES = ['ON_SITE', 'ONLINE'];
const SIGNATURES = ['HANDWRITTEN', 'FINGERPRINT', 'SEAL', 'E_SIGNATURE'];

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

/** 调解步骤 for a mediation committee: the verified parties, appoint, consents, a session, and the agreement (人民调解法 第二十九条) or the failure. */
export function MediationSteps({ h, onChanged }: { h: MediationFile; onChanged: () => Promise<void> }) {
  const { t, tEnum } = useI18n();
  const can = (c: string) => h.commandsAllowed.includes(c);
  const now = useNow();
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
  const setA = (k: keyof typeof agreement) => (value: string) => setAgreement({ ...agreement, [k]: value });

  const run = async (query: string, extra: Record<string, unknown>) => {
    setError(undefined);
    try {
      await gql(query, { input: { handoffId: h.id, expectedVersion: h.version, ...extra } });
      await onChanged();
    } catch (err) {
      setError(err);
    }
  };
  // 人民调解法 第二十九条: every party signs; the terms are one a line.
  const concludeAgreement = () => {
    const signedAt = new Date().toISOString();
    return run(AGREE, {
      agreement: {
        factsAndDispute: agreement.factsAndDispute.trim(),
        responsibilities: agreement.responsibilities.trim(),
        terms: agreement.terms.split('\n').map((x) => x.trim()).filter(Boolean),
        performance: { manner: agreement.manner.trim(), deadline: agreement.deadline },
        signatures: h.parties.map((p) => ({ partyId: p.id, signedAt, method: agreement.method })),
      },
    });
  };
  const consentOf = (partyId: string) => h.consents.find((c) => c.partyId === partyId);
  const pendingSession = h.sessions.find((s) => !s.held);
  const heldSession = h.sessions.some((s) => s.held);
  const mediatorName = h.mediator?.name ?? h.mediatorId;
  const consentColumns: Column<MediationFile['parties'][number]>[] = [
    { header: t('handoffs.parties'), cell: (p) => `${p.name}（${tEnum('party', p.role)}）` },
    {
      header: t('mediation.consent'),
      cell: (p) => {
        const c = consentOf(p.id);
        if (c) return <Badge tone={c.consents ? undefined : 'danger'}>{c.consents ? t('mediation.consents') : t('mediation.refuses')}</Badge>;
        if (!can('record_consent')) return '—';
        return (
          <span className="actions">
            <button type="button" data-testid="consent-yes" onClick={() => void run(CONSENT, { partyId: p.id, consents: true })}>
              {t('mediation.consents')}
            </button>
            <button type="button" className="danger" onClick={() => void run(CONSENT, { partyId: p.id, consents: false })}>
              {t('mediation.refuses')}
            </button>
          </span>
        );
      },
    },
  ];

  return (
    <div data-testid="mediation-steps">
      <h3>{t('mediation.title')}</h3>
      {mediatorName && (
        <p>
          {t('mediation.mediator')}: <strong data-testid="mediator-name">{mediatorName}</strong>
        </p>
      )}
      <ErrorMessage error={error} />
      {can('record_parties') && <HandoffPartiesForm key={h.version} h={h} onChanged={onChanged} />}
      {can('appoint_mediator') && (
        <Form testId="appoint-form" onSubmit={() => run(APPOINT, { mediatorId, chosenByParties, conflictOfInterestDeclared: declared })}>
          <Field label={t('mediation.mediator')}>
            <select name="mediatorId" value={mediatorId} onChange={(e) => setMediatorId(e.target.value)} required>
              <option value="">—</option>
              {mediators.data?.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </Field>
          <CheckField label={t('mediation.chosenByParties')} name="chosenByParties" checked={chosenByParties} onValue={setChosenByParties} />
          <CheckField label={t('mediation.noConflict')} name="conflictOfInterestDeclared" checked={declared} onValue={setDeclared} required />
          <button type="submit" className="primary">
            {t('mediation.appoint')}
          </button>
        </Form>
      )}
      {(can('record_consent') || h.consents.length > 0) && (
        <DataTable testId="consents" columns={consentColumns} rows={h.parties} rowKey={(p) => p.id} rowData={(p) => ({ 'data-party': p.id })} />
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
        <InlineForm testId="schedule-form" label={t('mediation.schedule')} onSubmit={() => run(SCHEDULE, { at: isoOf(when), mode, ...(location.trim() ? { location: location.trim() } : {}) })}>
          <input type="datetime-local" name="at" value={when} onChange={(e) => setWhen(e.target.value)} required style={{ width: '14rem' }} />
          <EnumSelect name="mode" prefix="sessionMode" values={SESSION_MODES} value={mode} onValue={setMode} style={{ width: 'auto' }} />
          <input name="location" value={location} onChange={(e) => setLocation(e.target.value)} placeholder={t('mediation.location')} style={{ width: '12rem' }} />
        </InlineForm>
      )}
      {can('record_session') && pendingSession && (
        <Form testId="session-form" onSubmit={() => run(RECORD, { sessionId: pendingSession.sessionId, participants: [...h.parties.map((p) => p.id), ...(h.mediatorId ? [h.mediatorId] : [])], record: record.trim() })}>
          {Date.parse(pendingSession.at) > now && <span className="hint">{t('mediation.notYetHeld')}</span>}
          <TextAreaField label={t('mediation.record')} name="record" value={record} onValue={setRecord} required maxLength={5000} />
          <button type="submit">{t('mediation.recordSession')}</button>
        </Form>
      )}
      {can('conclude_agreement') && heldSession && (
        <Form testId="agreement-form" onSubmit={concludeAgreement}>
          <h3>{t('mediation.agreement')}</h3>
          <TextAreaField label={t('mediation.factsAndDispute')} name="factsAndDispute" value={agreement.factsAndDispute} onValue={setA('factsAndDispute')} required />
          <TextAreaField label={t('mediation.responsibilities')} name="responsibilities" value={agreement.responsibilities} onValue={setA('responsibilities')} required />
          <TextAreaField label={t('mediation.terms')} name="terms" value={agreement.terms} onValue={setA('terms')} required />
          <div className="row">
            <TextField label={t('mediation.manner')} name="manner" value={agreement.manner} onValue={setA('manner')} required />
            <TextField label={t('mediation.deadline')} name="deadline" type="date" value={agreement.deadline} onValue={setA('deadline')} required />
            <Field label={t('mediation.signature')}>
              <EnumSelect name="method" prefix="signature" values={SIGNATURES} value={agreement.method} onValue={setA('method')} />
            </Field>
          </div>
          <span className="hint">{t('mediation.signedByAll')}</span>
          <button type="submit" className="primary">
            {t('mediation.concludeAgreement')}
          </button>
        </Form>
      )}
      {can('conclude_failure') && (
        <InlineForm testId="failure-form" label={t('mediation.concludeFailure')} buttonClass="danger" onSubmit={() => run(FAIL, { end: failure.end, reason: failure.reason.trim() })}>
          <EnumSelect name="end" prefix="failureEnd" values={FAILURE_ENDS} value={failure.end} onValue={(end) => setFailure({ ...failure, end })} style={{ width: 'auto' }} />
          <input name="failureReason" value={failure.reason} onChange={(e) => setFailure({ ...failure, reason: e.target.value })} placeholder={t('common.reason')} required style={{ width: '14rem' }} />
        </InlineForm>
      )}
    </div>
  );
}
