import { useState } from 'react';
import { gql } from '../api/client';
import { AddRemoveButtons } from '../components/add-remove-buttons';
import { CategorySelect } from '../components/category-picker';
import { ErrorMessage } from '../components/error-message';
import { CheckField, EnumSelect, Field, Form, SubmitBar, TextAreaField, TextField } from '../components/form-fields';
import { Badge } from '../components/labels';
import { RegionPicker } from '../components/region-picker';
import { TrackingCredentials } from '../components/tracking-credentials';
import { useAction } from '../components/use-action';
import { useI18n } from '../i18n';

const SUGGEST = `query ($text: String!) { suggestCategories(text: $text, top: 3) { categoryCode name score } }`;
const REGISTER = `mutation ($input: RegisterGrievanceInput!) {
  registerGrievance(input: $input) { id trackingCode secret receivedAt status firstTime repeatOf skipLevel { competentLevel } }
}`;
const DUPLICATES = `query ($id: ID!) { duplicateSuggestions(grievanceId: $id) { id trackingCode similarity distanceMetres reasons } }`;

/** 信访工作条例 第二十条: a group sends at most five representatives. */
const MAX_REPRESENTATIVES = 5;

interface Suggestion {
  categoryCode: string;
  name: string;
  score: number;
}
interface Registered {
  id: string;
  trackingCode: string;
  secret: string;
  receivedAt: string;
  firstTime: boolean;
  repeatOf: string | null;
  skipLevel: { competentLevel: string } | null;
}
interface Duplicate {
  id: string;
  trackingCode: string;
  similarity: number;
  distanceMetres: number | null;
  reasons: string[];
}
interface Person {
  name: string;
  phone: string;
  address: string;
}

const EMPTY = { channel: 'WALK_IN', name: '', address: '', phone: '', idNumber: '', description: '', request: '', facts: '', reasons: '', headcount: '1', receiptNumber: '', accusation: false };
/** The channels a clerk registers at the desk: a walk-in, or a letter with its receipt number. */
const DESK_CHANNELS = ['WALK_IN', 'LETTER'] as const;
const trimmed = (p: Person) => ({ name: p.name.trim(), ...(p.phone.trim() ? { phone: p.phone.trim() } : {}), ...(p.address.trim() ? { address: p.address.trim() } : {}) });

/** 接访登记: a walk-in or a letter with the Art 19 written record, the category suggested from the text and confirmed by the clerk. */
export function ReceptionPage() {
  const { t } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [regionCode, setRegionCode] = useState('');
  const [representatives, setRepresentatives] = useState<Person[]>([]);
  const [categoryCode, setCategoryCode] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>();
  const suggesting = useAction();
  const registering = useAction();
  const [done, setDone] = useState<{ registered: Registered; duplicates?: Duplicate[]; duplicatesError?: unknown }>();
  const set = (k: keyof typeof EMPTY) => (value: string) => setForm({ ...form, [k]: value });
  const walkIn = form.channel === 'WALK_IN';
  const headcount = Number(form.headcount) || 1;

  const suggest = async () => {
    suggesting.clear();
    const text = [form.description, form.request, form.facts].map((x) => x.trim()).filter(Boolean).join('\n');
    if (!text) return;
    const r = await suggesting.run(() => gql<{ suggestCategories: Suggestion[] }>(SUGGEST, { text }));
    if (r) setSuggestions(r.suggestCategories);
  };

  const submit = async () => {
    const input = {
      channel: form.channel,
      regionCode,
      description: form.description.trim(),
      headcount,
      ...(categoryCode ? { categoryCode } : {}),
      ...(form.accusation ? { accusation: true } : {}),
      petitioner: { ...trimmed(form), ...(form.idNumber.trim() ? { idNumber: form.idNumber.trim() } : {}) },
      // Art 19: what was said is written down as the request, the facts and the reasons.
      ...(form.request.trim() || walkIn ? { statement: { request: form.request.trim(), facts: form.facts.trim(), reasons: form.reasons.trim() } } : {}),
      ...(headcount > 1 && representatives.length ? { representatives: representatives.map(trimmed) } : {}),
      ...(walkIn ? {} : { channelDetails: { receiptNumber: form.receiptNumber.trim() } }),
    };
    const r = await registering.run(() => gql<{ registerGrievance: Registered }>(REGISTER, { input }));
    if (!r) return;
    const registered = r.registerGrievance;
    setDone({ registered });
    // Possible duplicates, for the clerk to look at: intake never merges on its own.
    gql<{ duplicateSuggestions: Duplicate[] }>(DUPLICATES, { id: registered.id }).then(
      (d) => setDone({ registered, duplicates: d.duplicateSuggestions }),
      (err: unknown) => setDone({ registered, duplicatesError: err }),
    );
  };

  if (done) {
    const r = done.registered;
    return (
      <section className="card narrow" data-testid="registered">
        <h1>{t('reception.doneTitle')}</h1>
        <TrackingCredentials trackingCode={r.trackingCode} secret={r.secret} receivedAt={r.receivedAt} hint={t('reception.giveSecret')} />
        <div className="actions">
          {r.firstTime && <Badge>{t('reception.firstTime')}</Badge>}
          {r.repeatOf && <Badge tone="warn">{t('board.repeat')}</Badge>}
          {r.skipLevel && <Badge tone="warn">{t('board.skipLevel')}</Badge>}
        </div>
        <h2>{t('reception.duplicates')}</h2>
        <ErrorMessage error={done.duplicatesError} />
        {!done.duplicates && !done.duplicatesError && <p className="muted">…</p>}
        {done.duplicates && (
          <ul data-testid="duplicates">
            {done.duplicates.length === 0 && <li className="muted">{t('common.none')}</li>}
            {done.duplicates.map((d) => (
              <li key={d.id} data-tracking-code={d.trackingCode}>
                {d.trackingCode} · {t('reception.similarity', { n: Math.round(d.similarity * 100) })}
                {d.distanceMetres !== null && ` · ${d.distanceMetres} m`} <span className="muted">{d.reasons.join('、')}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setForm(EMPTY);
              setRepresentatives([]);
              setCategoryCode('');
              setSuggestions(undefined);
              setDone(undefined);
            }}
          >
            {t('reception.next')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card narrow" style={{ maxWidth: 760 }}>
      <h1>{t('reception.title')}</h1>
      <Form onSubmit={submit} testId="reception-form">
        <Field label={t('common.channel')}>
          <EnumSelect name="channel" prefix="channel" values={DESK_CHANNELS} value={form.channel} onValue={set('channel')} />
        </Field>
        {!walkIn && <TextField label={t('reception.receiptNumber')} name="receiptNumber" value={form.receiptNumber} onValue={set('receiptNumber')} required maxLength={64} />}
        <h2>{t('reception.petitioner')}</h2>
        <div className="row">
          <TextField label={t('reception.name')} name="name" value={form.name} onValue={set('name')} required maxLength={50} />
          <TextField label={t('reception.phone')} name="phone" value={form.phone} onValue={set('phone')} inputMode="tel" />
          <TextField label={t('reception.idNumber')} name="idNumber" value={form.idNumber} onValue={set('idNumber')} maxLength={18} />
        </div>
        <TextField label={t('reception.address')} name="address" value={form.address} onValue={set('address')} required={walkIn} maxLength={200} />
        <RegionPicker onChange={setRegionCode} />
        <h2>{t('reception.record')}</h2>
        <p className="hint">{t('reception.recordHint')}</p>
        <TextAreaField label={t('reception.description')} name="description" value={form.description} onValue={set('description')} required minLength={5} maxLength={5000} />
        <TextAreaField label={t('workbench.letter.request')} name="request" value={form.request} onValue={set('request')} required={walkIn} maxLength={2000} />
        <TextAreaField label={t('workbench.letter.facts')} name="facts" value={form.facts} onValue={set('facts')} required={walkIn} maxLength={5000} />
        <TextAreaField label={t('workbench.letter.reasons')} name="reasons" value={form.reasons} onValue={set('reasons')} required={walkIn} maxLength={5000} />
        <h2>{t('common.category')}</h2>
        <div className="actions">
          <button type="button" data-testid="suggest" disabled={suggesting.busy} onClick={() => void suggest()}>
            {t('reception.suggest')}
          </button>
          <CategorySelect value={categoryCode} onChange={setCategoryCode} emptyLabel={t('reception.noCategory')} />
        </div>
        <ErrorMessage error={suggesting.error} />
        {suggestions && (
          <div className="actions" data-testid="suggestions">
            {suggestions.length === 0 && <span className="muted">{t('reception.noSuggestion')}</span>}
            {suggestions.map((s) => (
              <button key={s.categoryCode} type="button" data-code={s.categoryCode} className={categoryCode === s.categoryCode ? 'primary' : undefined} onClick={() => setCategoryCode(s.categoryCode)}>
                {s.name} <span className="muted">{Math.round(s.score * 100)}%</span>
              </button>
            ))}
          </div>
        )}
        <h2>{t('reception.group')}</h2>
        <div className="row">
          <TextField label={t('submit.headcount')} name="headcount" type="number" min={1} value={form.headcount} onValue={set('headcount')} />
        </div>
        {headcount > 1 && (
          <div data-testid="representatives">
            <p className="hint">{t('reception.representativesHint')}</p>
            {representatives.map((p, i) => (
              <div className="row" key={i}>
                {(['name', 'phone', 'address'] as const).map((k) => (
                  <TextField
                    key={k}
                    label={t(`reception.${k}` as const)}
                    name={`representative-${i}-${k}`}
                    value={p[k]}
                    required={k === 'name'}
                    onValue={(value) => setRepresentatives(representatives.map((x, j) => (j === i ? { ...x, [k]: value } : x)))}
                  />
                ))}
              </div>
            ))}
            <AddRemoveButtons rows={representatives} onRows={setRepresentatives} newRow={{ name: '', phone: '', address: '' }} max={MAX_REPRESENTATIVES} addLabel={t('reception.addRepresentative')} removeLabel={t('reception.removeRepresentative')} />
          </div>
        )}
        <CheckField label={t('submit.accusation')} name="accusation" checked={form.accusation} onValue={(accusation) => setForm({ ...form, accusation })} />
        <SubmitBar label={t('reception.register')} busy={registering.busy} disabled={!regionCode} error={registering.error} />
      </Form>
    </section>
  );
}
