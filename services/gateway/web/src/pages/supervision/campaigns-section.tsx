import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
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
    <form
      className="actions"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => gql(ADD, { input: { campaignId, trackingCodes: codes(text) } }))) {
          setText('');
          onDone();
        }
      }}
    >
      <input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('campaign.codesHint')} required style={{ width: '16rem' }} />
      <button type="submit" disabled={action.busy}>
        {t('campaign.add')}
      </button>
      <ErrorMessage error={action.error} />
    </form>
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
                {c.overdue > 0 && <span className="badge danger"> {t('campaign.overdue', { n: c.overdue })}</span>}
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
            <label>
              {t('campaign.name')}
              <input name="campaignName" value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} required maxLength={100} />
            </label>
            <label>
              {t('campaign.description')}
              <input name="campaignDescription" value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} maxLength={500} />
            </label>
            <label>
              {t('campaign.codes')}
              <textarea name="campaignCodes" value={f.trackingCodes} onChange={(e) => setF({ ...f, trackingCodes: e.target.value })} placeholder={t('campaign.codesHint')} />
            </label>
            <ErrorMessage error={create.error} />
            <div className="actions">
              <button type="submit" className="primary" disabled={create.busy}>
                {t('campaign.create')}
              </button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}
