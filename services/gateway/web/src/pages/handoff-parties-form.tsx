import { useState } from 'react';
import { gql } from '../api/client';
import { AddRemoveButtons } from '../components/add-remove-buttons';
import { EnumSelect, Field, Form, SubmitBar, TextField } from '../components/form-fields';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n';

const RECORD_PARTIES = `mutation ($input: RecordHandoffPartiesInput!) { recordHandoffParties(input: $input) { id } }`;
const ROLES = ['APPLICANT', 'RESPONDENT', 'THIRD_PARTY'];
const MAX_PARTIES = 50;

interface Party {
  id: string;
  name: string;
  role: string;
}

/**
 * 核实当事人: the committee replaces the parties (a 访调 from a redirect names them by role only) with
 * the whole list again, while the service still admits it (after acceptance, before any party
 * answers on consent). Kept ids keep their party; a new row gets its id from the service.
 */
export function HandoffPartiesForm({ h, onChanged }: { h: { id: string; version: number; parties: Party[] }; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Party[]>();
  const save = useAction();
  if (!rows) {
    return (
      <div className="actions">
        <button
          type="button"
          data-testid="edit-parties"
          onClick={() => {
            save.clear();
            setRows(h.parties.map((p) => ({ ...p })));
          }}
        >
          {t('mediation.editParties')}
        </button>
        <span className="hint">{t('mediation.partiesHint')}</span>
      </div>
    );
  }
  const set = (i: number, k: 'name' | 'role') => (value: string) => setRows(rows.map((x, j) => (j === i ? { ...x, [k]: value } : x)));
  const submit = async () => {
    const parties = rows.map((p) => ({ ...(p.id ? { id: p.id } : {}), name: p.name.trim(), role: p.role }));
    const done = await save.run(() => gql(RECORD_PARTIES, { input: { handoffId: h.id, expectedVersion: h.version, parties } }));
    if (done === undefined) return;
    setRows(undefined);
    await onChanged();
  };
  return (
    <Form testId="parties-form" onSubmit={submit}>
      <h3>{t('mediation.editParties')}</h3>
      <p className="hint">{t('mediation.partiesHint')}</p>
      {rows.map((p, i) => (
        <div className="row" key={i} data-party={p.id || undefined}>
          <TextField label={t('mediation.partyName')} name={`party-${i}-name`} value={p.name} onValue={set(i, 'name')} required maxLength={100} />
          <Field label={t('mediation.partyRole')}>
            <EnumSelect name={`party-${i}-role`} prefix="party" values={ROLES} value={p.role} onValue={set(i, 'role')} />
          </Field>
        </div>
      ))}
      <AddRemoveButtons rows={rows} onRows={setRows} newRow={{ id: '', name: '', role: 'THIRD_PARTY' }} min={2} max={MAX_PARTIES} addLabel={t('mediation.addParty')} removeLabel={t('mediation.removeParty')} />
      <SubmitBar label={t('mediation.saveParties')} busy={save.busy} error={save.error} onCancel={() => setRows(undefined)} testId="save-parties" />
    </Form>
  );
}
