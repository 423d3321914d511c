import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { InlineForm, SubmitBar, TextAreaField, TextField } from '../../components/form-fields';
import { Badge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

const CAMPAIGN_FIELDS = 'id name description regionCode total closed overdue createdAt createdBy trackingCodes';
const CAMPAIGNS = `query { campaigns { ${CAMPAIGN_FIELDS} } }`;
const CREATE = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;
const ADD = `mutation ($input: AddToCampaignInput!) { addToCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;

interface Campaign {
  id: string;
  name: string;
  description: string | null;
  regionCode: string | null;
  total: number;
  closed: number;
  overdue: number;
  createdAt: string;
  createdBy: string;
  trackingCodes: string[];
}

/** Tracking codes typed one a line, or separated by commas or spaces. */
const codes = (text: string) => [...new Set(text.split(/[\s,，、]+/).map((c) => c.trim()).filter(Boolean))];

function AddCases({ campaignId, onDone }: { campaignId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const action = useAction();
  return (
    <InlineForm
      label={t('campaign.add')}
      busy={action.busy}
      error={action.error}
      onSubmit={async () => {
        if (await action.run(() => gql(ADD, { input: { campaignId, trackingCodes: codes(text) } }))) {
          setText('');
          onDone();
        }
      }}
    >
      <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('campaign.codesHint')} required style={{ width: '16rem' }} />
    </InlineForm>
  );
}

/** 专项治理: named drives on repeated grievances, with their progress (办结 / 超期 of the total). */
export function CampaignsSection({ canManage }: { canManage: boolean }) {
  const { t, formatDateTime } = useI18n();
  const list = useAsync(() => gql<{ campaigns: Campaign[] }>(CAMPAIGNS).then((r) => r.campaigns), []);
  const [f, setF] = useState({ name: '', description: '', trackingCodes: '' });
  const create = useAction();
  return (
    <div data-testid="campaigns-section">
      <ErrorMessage error={list.error} />
      <div className="tiles" style={{ marginBottom: '1rem' }}>
        {list.data?.length === 0 && <p className="muted">{t('common.none')}</p>}
        {list.data?.map((c) => {
          const done = c.total ? Math.round((c.closed / c.total) * 100) : 0;
          return (
            <section key={c.id} className="card" style={{ margin: 0 }} data-campaign={c.name}>
              <h3 style={{ marginTop: 0 }}>{c.name}</h3>
              {c.description && <p className="muted">{c.description}</p>}
              <div className="progress" role="progressbar" aria-valuenow={done} aria-valuemin={0} aria-valuemax={100}>
                <span style={{ width: `${done}%` }} />
              </div>
              <p>
                {t('campaign.progress', { closed: c.closed, total: c.total, percent: done })}
                {c.overdue > 0 && <Badge tone="danger"> {t('campaign.overdue', { n: c.overdue })}</Badge>}
              </p>
              <p className="muted">
                {c.regionCode ?? '—'} · {formatDateTime(c.createdAt)}
              </p>
              {c.trackingCodes.length > 0 && (
                <details>
                  <summary>{t('campaign.cases')}</summary>
                  <p style={{ wordBreak: 'break-all' }}>{c.trackingCodes.join('、')}</p>
                </details>
              )}
              {canManage && <AddCases campaignId={c.id} onDone={() => void list.reload()} />}
            </section>
          );
        })}
      </div>
      {canManage && (
        <section className="card">
          <form
            className="form"
            data-testid="campaign-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const input = { name: f.name.trim(), ...(f.description.trim() ? { description: f.description.trim() } : {}), trackingCodes: codes(f.trackingCodes) };
              if (await create.run(() => gql(CREATE, { input }))) {
                setF({ name: '', description: '', trackingCodes: '' });
                void list.reload();
              }
            }}
          >
            <h3>{t('campaign.create')}</h3>
            <TextField label={t('campaign.name')} name="campaignName" value={f.name} onValue={(name) => setF({ ...f, name })} required maxLength={100} />
            <TextField label={t('campaign.description')} name="campaignDescription" value={f.description} onValue={(description) => setF({ ...f, description })} maxLength={500} />
            <TextAreaField label={t('campaign.codes')} name="campaignCodes" value={f.trackingCodes} onValue={(trackingCodes) => setF({ ...f, trackingCodes })} placeholder={t('campaign.codesHint')} />
            <SubmitBar label={t('campaign.create')} busy={create.busy} error={create.error} />
          </form>
        </section>
      )}
    </div>
  );
}
