import { useState } from 'react';
import { gql } from '../../api/client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { CheckField, EnumSelect, Field, SubmitBar, TextField } from '../../components/form-fields';
import { COMPLEXITIES } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

const POLICY_FIELDS = 'code version name nameEn appliesTo amount unit warnAt extensionAmount maxExtensions source statutory jurisdiction effectiveFrom effectiveUntil note createdBy when { complexity firstTime kind }';
const POLICIES = `query ($jurisdiction: String!, $history: Boolean) { deadlinePolicies(jurisdiction: $jurisdiction, includeHistory: $history) { ${POLICY_FIELDS} } }`;
const SAVE = `mutation ($input: SaveLocalDeadlinePolicyInput!) { saveLocalDeadlinePolicy(input: $input) { ${POLICY_FIELDS} } }`;
const RETIRE = `mutation ($input: RetireLocalDeadlinePolicyInput!) { retireLocalDeadlinePolicy(input: $input) { code version } }`;

const STEPS = ['REGISTRATION', 'ACCEPTANCE_NOTICE', 'HANDLING', 'FEEDBACK', 'EXTENSION', 'RETURN_VISIT', 'REVIEW_REQUEST', 'REVIEW_ANSWER', 'RECHECK_REQUEST', 'RECHECK_ANSWER', 'MEDIATION', 'JUDICIAL_CONFIRMATION_REQUEST', 'PRELIMINARY_PLAN', 'MISROUTE_OBJECTION'];
const LOCAL_UNITS = ['WORKING_DAYS', 'NATURAL_DAYS', 'WORKING_HOURS'];

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
  const set = (k: keyof PolicyForm) => (value: string | boolean | string[]) => setF({ ...f, [k]: value });
  const text = (k: 'code' | 'name' | 'nameEn' | 'source' | 'note' | 'warnAt' | 'kind', label: string, required = true) => <TextField label={label} name={`policy-${k}`} value={f[k]} onValue={set(k)} required={required} />;
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
        {text('code', t('policies.code'))}
        {text('name', t('admin.name'))}
        {text('nameEn', t('admin.nameEn'))}
      </div>
      <div className="row">
        <Field label={t('policies.step')}>
          <EnumSelect name="policy-appliesTo" prefix="deadlineStep" values={STEPS} value={f.appliesTo} onValue={set('appliesTo')} />
        </Field>
        <TextField label={t('policies.amount')} name="policy-amount" type="number" step="any" min={0} value={f.amount} onValue={set('amount')} required />
        <Field label={t('policies.unit')}>
          <EnumSelect name="policy-unit" prefix="deadlineUnit" values={LOCAL_UNITS} value={f.unit} onValue={set('unit')} />
        </Field>
        {text('warnAt', t('policies.warnAt'), false)}
      </div>
      <div className="row">
        {text('source', t('policies.source'))}
        <TextField label={t('policies.effectiveFrom')} type="datetime-local" name="policy-effectiveFrom" value={f.effectiveFrom} onValue={set('effectiveFrom')} />
        {text('note', t('admin.note'), false)}
      </div>
      <fieldset className="row">
        <legend>{t('policies.when')}</legend>
        {COMPLEXITIES.map((c) => (
          <CheckField key={c} label={tEnum('complexity', c)} checked={f.complexity.includes(c)} onValue={(on) => set('complexity')(on ? [...f.complexity, c] : f.complexity.filter((x) => x !== c))} />
        ))}
        <CheckField label={t('policies.firstTime')} checked={f.firstTime} onValue={set('firstTime')} />
        {text('kind', t('policies.kind'), false)}
      </fieldset>
      <p className="hint">{t('policies.stricterHint')}</p>
      <SubmitBar label={t('policies.save')} busy={save.busy} error={save.error} />
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
  // The local ones also show where and since when they apply, and can be changed or retired here.
  const localColumns: Column<Policy>[] = [
    { header: t('policies.jurisdiction'), cell: (p) => p.jurisdiction },
    { header: t('policies.effective'), cell: (p) => `${formatDateTime(p.effectiveFrom)} – ${p.effectiveUntil ? formatDateTime(p.effectiveUntil) : t('policies.open')}` },
    {
      header: '',
      cell: (p) =>
        p.jurisdiction === jurisdiction &&
        !p.effectiveUntil && (
          <span className="actions">
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
          </span>
        ),
    },
  ];
  const columns = (local: boolean): Column<Policy>[] => [
    {
      header: t('policies.code'),
      cell: (p) => (
        <>
          <code>{p.code}</code>
          {local && <div className="muted">{t('admin.version', { v: p.version })}</div>}
        </>
      ),
    },
    {
      header: t('admin.name'),
      cell: (p) => (
        <>
          {p.name}
          <div className="muted">{p.nameEn}</div>
        </>
      ),
    },
    { header: t('policies.step'), cell: (p) => tEnum('deadlineStep', p.appliesTo) },
    {
      header: t('policies.limit'),
      cell: (p) => (
        <>
          {p.amount} {tEnum('deadlineUnit', p.unit)}
          {p.extensionAmount !== null && <div className="muted">{t('policies.extension', { n: p.extensionAmount, max: p.maxExtensions ?? 1 })}</div>}
        </>
      ),
    },
    { header: t('policies.when'), cell: (p) => <Conditions when={p.when} /> },
    {
      header: t('policies.source'),
      cell: (p) => (
        <>
          {p.source}
          {p.note && <div className="muted">{p.note}</div>}
        </>
      ),
    },
    ...(local ? localColumns : []),
  ];
  const rowKey = (p: Policy) => `${p.code}-${p.version}-${p.jurisdiction ?? ''}`;
  const rowData = (p: Policy) => ({ 'data-policy': p.code });
  return (
    <section className="card" data-testid="policies-section">
      <div className="toolbar">
        <h2>{t('policies.title')}</h2>
        <CheckField label={t('policies.history')} checked={history} onValue={setHistory} />
      </div>
      <ErrorMessage error={policies.error ?? retire.error} />
      <h3>{t('policies.statutory')}</h3>
      <DataTable testId="statutory-policies" columns={columns(false)} rows={policies.data && all.filter((p) => p.statutory)} rowKey={rowKey} rowData={rowData} />
      <h3>{t('policies.local')}</h3>
      <DataTable testId="local-policies" columns={columns(true)} rows={policies.data && all.filter((p) => !p.statutory)} rowKey={rowKey} rowData={rowData} />
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
