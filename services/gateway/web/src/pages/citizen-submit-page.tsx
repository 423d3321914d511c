import { useState } from 'react';
import { gql } from '../api/client';
import { rememberCase } from '../api/citizen-cases';
import { CategorySelect } from '../components/category-picker';
import { CheckField, Field, Form, SubmitBar, TextAreaField, TextField } from '../components/form-fields';
import { Link } from '../components/link';
import { RegionPicker } from '../components/region-picker';
import { TrackingCredentials } from '../components/tracking-credentials';
import { useAction } from '../components/use-action';
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
  const { t } = useI18n();
  const [form, setForm] = useState({ description: '', categoryCode: '', name: '', phone: '', headcount: '1', accusation: false });
  const [regionCode, setRegionCode] = useState('');
  const action = useAction();
  const [done, setDone] = useState<Submitted>();
  const set = (k: keyof typeof form) => (value: string) => setForm({ ...form, [k]: value });

  const submit = async () => {
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
    const r = await action.run(() => gql<{ submitGrievance: Submitted }>(SUBMIT, { input }, { anonymous: true }));
    if (!r) return;
    rememberCase(r.submitGrievance.trackingCode, r.submitGrievance.secret);
    setDone(r.submitGrievance);
  };

  if (done) {
    return (
      <section className="card narrow" data-testid="submitted">
        <h1>{t('submit.doneTitle')}</h1>
        <TrackingCredentials trackingCode={done.trackingCode} secret={done.secret} receivedAt={done.receivedAt} hint={t('submit.keepSecret')} />
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
      <Form onSubmit={submit}>
        <TextAreaField label={t('submit.description')} name="description" value={form.description} onValue={set('description')} required minLength={5} maxLength={5000} placeholder={t('submit.descriptionHint')} />
        <div>
          <RegionPicker onChange={setRegionCode} />
          <span className="hint">{t('submit.regionHint')}</span>
        </div>
        <Field label={t('submit.category')}>
          <CategorySelect value={form.categoryCode} onChange={(categoryCode) => setForm((f) => ({ ...f, categoryCode }))} emptyLabel={t('submit.categoryUnsure')} />
        </Field>
        <div className="row">
          <TextField label={t('submit.name')} name="name" value={form.name} onValue={set('name')} maxLength={50} autoComplete="name" />
          <TextField label={t('submit.phone')} name="phone" value={form.phone} onValue={set('phone')} inputMode="tel" autoComplete="tel" />
          <TextField label={t('submit.headcount')} name="headcount" type="number" min={1} value={form.headcount} onValue={set('headcount')} />
        </div>
        <span className="hint">{t('submit.anonymousHint')}</span>
        <CheckField label={t('submit.accusation')} name="accusation" checked={form.accusation} onValue={(accusation) => setForm({ ...form, accusation })} />
        <SubmitBar label={t('submit.submit')} busy={action.busy} error={action.error} />
      </Form>
    </section>
  );
}
