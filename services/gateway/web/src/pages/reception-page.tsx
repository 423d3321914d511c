import { useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { CategorySelect } from '../components/category-picker';
import { ErrorMessage } from '../components/error-message';
import { RegionPicker } from '../components/region-picker';
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
const trimmed = (p: Person) => ({ name: p.name.trim(), ...(p.phone.trim() ? { phone: p.phone.trim() } : {}), ...(p.address.trim() ? { address: p.address.trim() } : {}) });

/** 接访登记: a walk-in or a letter with the Art 19 written record, the category suggested from the text and confirmed by the clerk. */
export function ReceptionPage() {
  const { t, formatDateTime } = useI18n();
  const [form, setForm] = useState(EMPTY);
  const [regionCode, setRegionCode] = useState('');
  const [representatives, setRepresentatives] = useState<Person[]>([]);
  const [categoryCode, setCategoryCode] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestion[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ registered: Registered; duplicates?: Duplicate[]; duplicatesError?: unknown }>();
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const walkIn = form.channel === 'WALK_IN';
  const headcount = Number(form.headcount) || 1;

  const suggest = async () => {
    setError(undefined);
    const text = [form.description, form.request, form.facts].map((x) => x.trim()).filter(Boolean).join('\n');
    if (!text) return;
    try {
      setSuggestions((await gql<{ suggestCategories: Suggestion[] }>(SUGGEST, { text })).suggestCategories);
    } catch (err) {
      setError(err);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
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
    try {
      const { registerGrievance } = await gql<{ registerGrievance: Registered }>(REGISTER, { input });
      setDone({ registered: registerGrievance });
      // Possible duplicates, for the clerk to look at: intake never merges on its own.
      gql<{ duplicateSuggestions: Duplicate[] }>(DUPLICATES, { id: registerGrievance.id }).then(
        (r) => setDone({ registered: registerGrievance, duplicates: r.duplicateSuggestions }),
        (err: unknown) => setDone({ registered: registerGrievance, duplicatesError: err }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    const r = done.registered;
    return (
      <section className="card narrow" data-testid="registered">
        <h1>{t('reception.doneTitle')}</h1>
        <div className="ok credentials">
          <span>
            {t('submit.trackingCode')}: <code data-testid="tracking-code">{r.trackingCode}</code>
          </span>
          <span>
            {t('submit.secret')}: <code data-testid="tracking-secret">{r.secret}</code>
          </span>
          <span className="muted">{t('submit.receivedAt', { at: formatDateTime(r.receivedAt) })}</span>
        </div>
        <p className="hint">{t('reception.giveSecret')}</p>
        <div className="actions">
          {r.firstTime && <span className="badge">{t('reception.firstTime')}</span>}
          {r.repeatOf && <span className="badge warn">{t('board.repeat')}</span>}
          {r.skipLevel && <span className="badge warn">{t('board.skipLevel')}</span>}
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
      <form onSubmit={submit} className="form" data-testid="reception-form">
        <label>
          {t('common.channel')}
          <select name="channel" value={form.channel} onChange={set('channel')}>
            <option value="WALK_IN">{t('channel.WALK_IN')}</option>
            <option value="LETTER">{t('channel.LETTER')}</option>
          </select>
        </label>
        {!walkIn && (
          <label>
            {t('reception.receiptNumber')}
            <input name="receiptNumber" value={form.receiptNumber} onChange={set('receiptNumber')} required maxLength={64} />
          </label>
        )}
        <h2>{t('reception.petitioner')}</h2>
        <div className="row">
          <label>
            {t('reception.name')}
            <input name="name" value={form.name} onChange={set('name')} required maxLength={50} />
          </label>
          <label>
            {t('reception.phone')}
            <input name="phone" value={form.phone} onChange={set('phone')} inputMode="tel" />
          </label>
          <label>
            {t('reception.idNumber')}
            <input name="idNumber" value={form.idNumber} onChange={set('idNumber')} maxLength={18} />
          </label>
        </div>
        <label>
          {t('reception.address')}
          <input name="address" value={form.address} onChange={set('address')} required={walkIn} maxLength={200} />
        </label>
        <RegionPicker onChange={setRegionCode} />
        <h2>{t('reception.record')}</h2>
        <p className="hint">{t('reception.recordHint')}</p>
        <label>
          {t('reception.description')}
          <textarea name="description" value={form.description} onChange={set('description')} required minLength={5} maxLength={5000} />
        </label>
        <label>
          {t('workbench.letter.request')}
          <textarea name="request" value={form.request} onChange={set('request')} required={walkIn} maxLength={2000} />
        </label>
        <label>
          {t('workbench.letter.facts')}
          <textarea name="facts" value={form.facts} onChange={set('facts')} required={walkIn} maxLength={5000} />
        </label>
        <label>
          {t('workbench.letter.reasons')}
          <textarea name="reasons" value={form.reasons} onChange={set('reasons')} required={walkIn} maxLength={5000} />
        </label>
        <h2>{t('common.category')}</h2>
        <div className="actions">
          <button type="button" data-testid="suggest" onClick={() => void suggest()}>
            {t('reception.suggest')}
          </button>
          <CategorySelect value={categoryCode} onChange={setCategoryCode} emptyLabel={t('reception.noCategory')} />
        </div>
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
          <label>
            {t('submit.headcount')}
            <input name="headcount" type="number" min={1} value={form.headcount} onChange={set('headcount')} />
          </label>
        </div>
        {headcount > 1 && (
          <div data-testid="representatives">
            <p className="hint">{t('reception.representativesHint')}</p>
            {representatives.map((p, i) => (
              <div className="row" key={i}>
                {(['name', 'phone', 'address'] as const).map((k) => (
                  <label key={k}>
                    {t(`reception.${k}` as const)}
                    <input
                      name={`representative-${i}-${k}`}
                      value={p[k]}
                      required={k === 'name'}
                      onChange={(e) => setRepresentatives(representatives.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))}
                    />
                  </label>
                ))}
              </div>
            ))}
            <div className="actions">
              <button type="button" disabled={representatives.length >= MAX_REPRESENTATIVES} onClick={() => setRepresentatives([...representatives, { name: '', phone: '', address: '' }])}>
                {t('reception.addRepresentative')}
              </button>
              {representatives.length > 0 && (
                <button type="button" onClick={() => setRepresentatives(representatives.slice(0, -1))}>
                  {t('reception.removeRepresentative')}
                </button>
              )}
            </div>
          </div>
        )}
        <label className="check">
          <input type="checkbox" name="accusation" checked={form.accusation} onChange={(e) => setForm({ ...form, accusation: e.target.checked })} />
          {t('submit.accusation')}
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy || !regionCode}>
          {t('reception.register')}
        </button>
      </form>
    </section>
  );
}
