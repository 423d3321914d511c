import { useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { rememberCase } from '../api/citizen-cases';
import { CategorySelect } from '../components/category-picker';
import { ErrorMessage } from '../components/error-message';
import { Link } from '../components/link';
import { RegionPicker } from '../components/region-picker';
import { useI18n } from '../i18n';

const SUBMIT = `mutation ($input: SubmitGrievanceInput!) {
  submitGrievance(input: $input) { trackingCode secret receivedAt }
}`;

interface Submitted {
  trackingCode: string;
  secret: string;
  receivedAt: string;
}

/** 网上提交: the citizen's form (phone first), then the tracking code and the secret, shown once. */
export function CitizenSubmitPage() {
  const { t, formatDateTime } = useI18n();
  const [form, setForm] = useState({ description: '', categoryCode: '', name: '', phone: '', headcount: '1', accusation: false });
  const [regionCode, setRegionCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted>();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const name = form.name.trim();
    const phone = form.phone.trim();
    const input = {
      description: form.description.trim(),
      regionCode,
      ...(form.categoryCode ? { categoryCode: form.categoryCode } : {}),
      headcount: Number(form.headcount) || 1,
      ...(form.accusation ? { accusation: true } : {}),
      // Without a name the grievance is anonymous; a phone alone cannot be kept without a name.
      ...(name ? { petitioner: { name, ...(phone ? { phone } : {}) } } : {}),
    };
    try {
      const { submitGrievance } = await gql<{ submitGrievance: Submitted }>(SUBMIT, { input }, { anonymous: true });
      rememberCase(submitGrievance.trackingCode, submitGrievance.secret);
      setDone(submitGrievance);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section className="card narrow" data-testid="submitted">
        <h1>{t('submit.doneTitle')}</h1>
        <div className="ok credentials">
          <span>
            {t('submit.trackingCode')}: <code data-testid="tracking-code">{done.trackingCode}</code>
          </span>
          <span>
            {t('submit.secret')}: <code data-testid="tracking-secret">{done.secret}</code>
          </span>
          <span className="muted">{t('submit.receivedAt', { at: formatDateTime(done.receivedAt) })}</span>
        </div>
        <p className="hint">{t('submit.keepSecret')}</p>
        <div className="actions">
          <Link to={`/citizen/track?code=${encodeURIComponent(done.trackingCode)}`} className="button-link">
            {t('submit.follow')}
          </Link>
        </div>
      </section>
    );
  }

  return (
    <section className="card narrow">
      <h1>{t('submit.title')}</h1>
      <p className="hint">{t('submit.intro')}</p>
      <form onSubmit={submit} className="form">
        <label>
          {t('submit.description')}
          <textarea name="description" value={form.description} onChange={set('description')} required minLength={5} maxLength={5000} placeholder={t('submit.descriptionHint')} />
        </label>
        <div>
          <RegionPicker onChange={setRegionCode} />
          <span className="hint">{t('submit.regionHint')}</span>
        </div>
        <label>
          {t('submit.category')}
          <CategorySelect value={form.categoryCode} onChange={(categoryCode) => setForm((f) => ({ ...f, categoryCode }))} emptyLabel={t('submit.categoryUnsure')} />
        </label>
        <div className="row">
          <label>
            {t('submit.name')}
            <input name="name" value={form.name} onChange={set('name')} maxLength={50} autoComplete="name" />
          </label>
          <label>
            {t('submit.phone')}
            <input name="phone" value={form.phone} onChange={set('phone')} inputMode="tel" autoComplete="tel" />
          </label>
          <label>
            {t('submit.headcount')}
            <input name="headcount" type="number" min={1} value={form.headcount} onChange={set('headcount')} />
          </label>
        </div>
        <span className="hint">{t('submit.anonymousHint')}</span>
        <label className="check">
          <input type="checkbox" name="accusation" checked={form.accusation} onChange={(e) => setForm({ ...form, accusation: e.target.checked })} />
          {t('submit.accusation')}
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('submit.submit')}
        </button>
      </form>
    </section>
  );
}
