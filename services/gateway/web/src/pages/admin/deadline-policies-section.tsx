import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

const POLICY_FIELDS = 'code version name nameEn appliesTo amount unit warnAt extensionAmount maxExtensions source statutory jurisdiction effectiveFrom effectiveUntil note createdBy when { complexity firstTime kind }';
const POLICIES = `query ($jurisdiction: String!, $history: Boolean) { deadlinePolicies(jurisdiction: $jurisdiction, includeHistory: $history) { ${POLICY_FIELDS} } }`;
const SAVE = `mutation ($input: SaveLocalDeadlinePolicyInput!) { saveLocalDeadlinePolicy(input: $input) { ${POLICY_FIELDS} } }`;
const RETIRE = `mutation ($input: RetireLocalDeadlinePolicyInput!) { retireLocalDeadlinePolicy(input: $input) { code version } }`;

const STEPS = ['REGISTRATION', 'ACCEPTANCE_NOTICE', 'HANDLING', 'FEEDBACK', 'EXTENSION', 'RETURN_VISIT', 'REVIEW_REQUEST', 'REVIEW_ANSWER', 'RECHECK_REQUEST', 'RECHECK_ANSWER', 'MEDIATION', 'JUDICIAL_CONFIRMATION_REQUEST', 'PRELIMINARY_PLAN', 'MISROUTE_OBJECTION'];
const LOCAL_UNITS = ['WORKING_DAYS', 'NATURAL_DAYS', 'WORKING_HOURS'];
const COMPLEXITIES = ['URGENT', 'SIMPLE', 'COMPLEX', 'DIFFICULT'];

interface Policy {
  code: string;
  version: number;
  name: string;
  nameEn: string;
  appliesTo: string;
  amount: number;
  unit: string;
  warnAt: number[];
  extensionAmount: number | null;
  maxExtensions: number | null;
  source: string;
  statutory: boolean;
  jurisdiction: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  note: string | null;
  createdBy: string | null;
  when: { complexity: string[] | null; firstTime: boolean | null; kind: string[] | null } | null;
}

const list = (text: string) => text.split(/[\s,，、]+/).map((x) => x.trim()).filter(Boolean);
const blank = { code: '', name: '', nameEn: '', appliesTo: 'HANDLING', amount: '', unit: 'WORKING_DAYS', source: '', note: '', warnAt: '0.5, 0.8, 1', effectiveFrom: '', complexity: [] as string[], firstTime: false, kind: '' };
type PolicyForm = typeof blank;

const formOf = (p: Policy): PolicyForm => ({
  ...blank,
  code: p.code,
  name: p.name,
  nameEn: p.nameEn,
  appliesTo: p.appliesTo,
  amount: String(p.amount),
  unit: LOCAL_UNITS.includes(p.unit) ? p.unit : 'WORKING_DAYS',
  source: p.source,
  note: p.note ?? '',
  warnAt: p.warnAt.join(', '),
  complexity: p.when?.complexity ?? [],
  firstTime: p.when?.firstTime ?? false,
  kind: (p.when?.kind ?? []).join(', '),
});

function inputOf(f: PolicyForm, jurisdiction: string): Record<string, unknown> {
  const when = { ...(f.complexity.length ? { complexity: f.complexity } : {}), ...(f.firstTime ? { firstTime: true } : {}), ...(list(f.kind).length ? { kind: list(f.kind) } : {}) };
  return {
    jurisdiction,
    code: f.code.trim(),
    name: f.name.trim(),
    nameEn: f.nameEn.trim(),
    appliesTo: f.appliesTo,
    amount: Number(f.amount),
    unit: f.unit,
    source: f.source.trim(),
    ...(f.note.trim() ? { note: f.note.trim() } : {}),
    ...(list(f.warnAt).length ? { warnAt: list(f.warnAt).map(Number) } : {}),
    ...(f.effectiveFrom ? { effectiveFrom: new Date(f.effectiveFrom).toISOString() } : {}),
    ...(Object.keys(when).length ? { when } : {}),
  };
}

/** The conditions a policy applies under, in words; '—' for every grievance of the step. */
function Conditions({ when }: { when: Policy['when'] }) {
  const { t, tEnum } = useI18n();
  const parts = [...(when?.complexity ?? []).map((c) => tEnum('complexity', c)), when?.firstTime ? t('policies.firstTime') : '', ...(when?.kind ?? [])].filter(Boolean);
  return <>{parts.join('、') || '—'}</>;
}

function PolicyForm({ jurisdiction, initial, onDone }: { jurisdiction: string; initial: PolicyForm; onDone: () => void }) {
  const { t, tEnum } = useI18n();
  const [f, setF] = useState(initial);
  const save = useAction();
  const text = (k: 'code' | 'name' | 'nameEn' | 'amount' | 'source' | 'note' | 'warnAt' | 'kind', required = true, type = 'text') => (
    <input name={`policy-${k}`} type={type} step={type === 'number' ? 'any' : undefined} min={type === 'number' ? 0 : undefined} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} required={required} />
  );
  return (
    <form
      className="form"
      data-testid="policy-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await save.run(() => gql(SAVE, { input: inputOf(f, jurisdiction) }))) onDone();
      }}
    >
      <h3>{t('policies.save')}</h3>
      <div className="row">
        <label>
          {t('policies.code')}
          {text('code')}
        </label>
        <label>
          {t('admin.name')}
          {text('name')}
        </label>
        <label>
          {t('admin.nameEn')}
          {text('nameEn')}
        </label>
      </div>
      <div className="row">
        <label>
          {t('policies.step')}
          <select name="policy-appliesTo" value={f.appliesTo} onChange={(e) => setF({ ...f, appliesTo: e.target.value })}>
            {STEPS.map((s) => (
              <option key={s} value={s}>
                {tEnum('deadlineStep', s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('policies.amount')}
          {text('amount', true, 'number')}
        </label>
        <label>
          {t('policies.unit')}
          <select name="policy-unit" value={f.unit} onChange={(e) => setF({ ...f, unit: e.target.value })}>
            {LOCAL_UNITS.map((u) => (
              <option key={u} value={u}>
                {tEnum('deadlineUnit', u)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('policies.warnAt')}
          {text('warnAt', false)}
        </label>
      </div>
      <div className="row">
        <label>
          {t('policies.source')}
          {text('source')}
        </label>
        <label>
          {t('policies.effectiveFrom')}
          <input type="datetime-local" name="policy-effectiveFrom" value={f.effectiveFrom} onChange={(e) => setF({ ...f, effectiveFrom: e.target.value })} />
        </label>
        <label>
          {t('admin.note')}
          {text('note', false)}
        </label>
      </div>
      <fieldset className="row">
        <legend>{t('policies.when')}</legend>
        {COMPLEXITIES.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={f.complexity.includes(c)} onChange={(e) => setF({ ...f, complexity: e.target.checked ? [...f.complexity, c] : f.complexity.filter((x) => x !== c) })} />
            {tEnum('complexity', c)}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={f.firstTime} onChange={(e) => setF({ ...f, firstTime: e.target.checked })} />
          {t('policies.firstTime')}
        </label>
        <label>
          {t('policies.kind')}
          {text('kind', false)}
        </label>
      </fieldset>
      <p className="hint">{t('policies.stricterHint')}</p>
      <ErrorMessage error={save.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {t('policies.save')}
        </button>
      </div>
    </form>
  );
}

/** 期限规则: the statutory policies (read-only, with their article) and the local ones of this jurisdiction and above; save and retire local ones. */
export function DeadlinePoliciesSection({ jurisdiction }: { jurisdiction: string }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [history, setHistory] = useState(false);
  const policies = useAsync(() => gql<{ deadlinePolicies: Policy[] }>(POLICIES, { jurisdiction, history }).then((r) => r.deadlinePolicies), [jurisdiction, history]);
  const [editing, setEditing] = useState<{ key: string; form: PolicyForm }>({ key: 'new', form: blank });
  const retire = useAction();
  const all = policies.data ?? [];
  const table = (rows: Policy[], local: boolean) => (
    <div className="table-wrap">
      <table data-testid={local ? 'local-policies' : 'statutory-policies'}>
        <thead>
          <tr>
            <th>{t('policies.code')}</th>
            <th>{t('admin.name')}</th>
            <th>{t('policies.step')}</th>
            <th>{t('policies.limit')}</th>
            <th>{t('policies.when')}</th>
            <th>{t('policies.source')}</th>
            {local && <th>{t('policies.jurisdiction')}</th>}
            {local && <th>{t('policies.effective')}</th>}
            {local && <th />}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={`${p.code}-${p.version}-${p.jurisdiction ?? ''}`} data-policy={p.code}>
              <td>
                <code>{p.code}</code>
                {local && <div className="muted">{t('admin.version', { v: p.version })}</div>}
              </td>
              <td>
                {p.name}
                <div className="muted">{p.nameEn}</div>
              </td>
              <td>{tEnum('deadlineStep', p.appliesTo)}</td>
              <td>
                {p.amount} {tEnum('deadlineUnit', p.unit)}
                {p.extensionAmount !== null && <div className="muted">{t('policies.extension', { n: p.extensionAmount, max: p.maxExtensions ?? 1 })}</div>}
              </td>
              <td>
                <Conditions when={p.when} />
              </td>
              <td>
                {p.source}
                {p.note && <div className="muted">{p.note}</div>}
              </td>
              {local && <td>{p.jurisdiction}</td>}
              {local && (
                <td>
                  {formatDateTime(p.effectiveFrom)} – {p.effectiveUntil ? formatDateTime(p.effectiveUntil) : t('policies.open')}
                </td>
              )}
              {local && (
                <td className="actions">
                  {p.jurisdiction === jurisdiction && !p.effectiveUntil && (
                    <>
                      <button type="button" className="link" onClick={() => setEditing({ key: `${p.code}-${p.version}`, form: formOf(p) })}>
                        {t('admin.edit')}
                      </button>
                      <button
                        type="button"
                        className="link"
                        data-action="retire"
                        disabled={retire.busy}
                        onClick={async () => {
                          if (!window.confirm(t('policies.confirmRetire', { code: p.code }))) return;
                          if (await retire.run(() => gql(RETIRE, { input: { jurisdiction, code: p.code } }))) void policies.reload();
                        }}
                      >
                        {t('policies.retire')}
                      </button>
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const local = all.filter((p) => !p.statutory);
  return (
    <section className="card" data-testid="policies-section">
      <div className="toolbar">
        <h2 style={{ margin: 0, flex: 1 }}>{t('policies.title')}</h2>
        <label className="check">
          <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} />
          {t('policies.history')}
        </label>
      </div>
      <ErrorMessage error={policies.error ?? retire.error} />
      <h3>{t('policies.statutory')}</h3>
      {table(
        all.filter((p) => p.statutory),
        false,
      )}
      <h3>{t('policies.local')}</h3>
      {local.length ? table(local, true) : <p className="muted">{t('common.none')}</p>}
      <PolicyForm
        key={editing.key}
        jurisdiction={jurisdiction}
        initial={editing.form}
        onDone={() => {
          setEditing({ key: `new-${Date.now()}`, form: blank });
          void policies.reload();
        }}
      />
    </section>
  );
}
