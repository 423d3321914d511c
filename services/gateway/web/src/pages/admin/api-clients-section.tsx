import { useState } from 'react';
import { gql } from '../../api/client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { CheckField, SubmitBar, TextField } from '../../components/form-fields';
import { ActiveBadge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

const CLIENT_FIELDS = 'id clientId name scopes active createdAt';
const CLIENTS = `query { apiClients { ${CLIENT_FIELDS} } }`;
const CREATE = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { secret client { ${CLIENT_FIELDS} } } }`;
const REVOKE = `mutation ($clientId: String!) { revokeApiClient(clientId: $clientId) { ${CLIENT_FIELDS} } }`;

/** The scopes the gateway grants to API clients (see the createApiClient description). */
const SCOPES = ['grievance:read', 'grievance:write'];

interface ApiClient {
  id: string;
  clientId: string;
  name: string;
  scopes: string[];
  active: boolean;
  createdAt: string;
}

/** The secret, shown once: the gateway keeps only its hash, so it cannot be shown again. */
function SecretOnce({ clientId, secret, onDismiss }: { clientId: string; secret: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice" role="alert" data-testid="api-client-secret">
      <strong>{t('apiClients.secretWarning')}</strong>
      <dl className="kv credentials">
        <dt>{t('apiClients.clientId')}</dt>
        <dd>
          <code>{clientId}</code>
        </dd>
        <dt>{t('apiClients.secret')}</dt>
        <dd>
          <code data-testid="secret-value">{secret}</code>
        </dd>
      </dl>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('apiClients.copied') : t('apiClients.copy')}
        </button>
        <button type="button" onClick={onDismiss}>
          {t('apiClients.stored')}
        </button>
      </div>
    </div>
  );
}

/** 接口客户端: the systems (12345 热线 …) that call the API with a client id and secret; create, revoke. */
export function ApiClientsSection() {
  const { t, formatDateTime } = useI18n();
  const list = useAsync(() => gql<{ apiClients: ApiClient[] }>(CLIENTS).then((r) => r.apiClients), []);
  const [f, setF] = useState({ name: '', clientId: '', scopes: ['grievance:read'] });
  const [made, setMade] = useState<{ clientId: string; secret: string }>();
  const create = useAction();
  const revoke = useAction();
  const columns: Column<ApiClient>[] = [
    { header: t('apiClients.clientId'), cell: (c) => <code>{c.clientId}</code> },
    { header: t('apiClients.name'), cell: (c) => c.name },
    { header: t('apiClients.scopes'), cell: (c) => c.scopes.join('、') },
    { header: t('common.status'), cell: (c) => <ActiveBadge active={c.active} inactiveLabel={t('apiClients.revoked')} /> },
    { header: t('users.createdAt'), cell: (c) => formatDateTime(c.createdAt) },
    {
      header: '',
      cell: (c) =>
        c.active && (
          <button
            type="button"
            className="link"
            disabled={revoke.busy}
            onClick={async () => {
              if (!window.confirm(t('apiClients.confirmRevoke', { clientId: c.clientId }))) return;
              if (await revoke.run(() => gql(REVOKE, { clientId: c.clientId }))) void list.reload();
            }}
          >
            {t('apiClients.revoke')}
          </button>
        ),
    },
  ];
  return (
    <section className="card" data-testid="api-clients-section">
      <h2>{t('apiClients.title')}</h2>
      {made && <SecretOnce clientId={made.clientId} secret={made.secret} onDismiss={() => setMade(undefined)} />}
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await create.run(() => gql<{ createApiClient: { secret: string; client: ApiClient } }>(CREATE, { input: { name: f.name.trim(), scopes: f.scopes, ...(f.clientId.trim() ? { clientId: f.clientId.trim() } : {}) } }));
          if (r) {
            setMade({ clientId: r.createApiClient.client.clientId, secret: r.createApiClient.secret });
            setF({ name: '', clientId: '', scopes: ['grievance:read'] });
            void list.reload();
          }
        }}
      >
        <div className="row">
          <TextField label={t('apiClients.name')} name="clientName" value={f.name} onValue={(name) => setF({ ...f, name })} required />
          <TextField label={t('apiClients.clientIdOptional')} name="clientId" value={f.clientId} onValue={(clientId) => setF({ ...f, clientId })} />
        </div>
        <div className="row">
          {SCOPES.map((s) => (
            <CheckField key={s} label={<code>{s}</code>} name={`scope-${s}`} checked={f.scopes.includes(s)} onValue={(on) => setF({ ...f, scopes: on ? [...f.scopes, s] : f.scopes.filter((x) => x !== s) })} />
          ))}
        </div>
        <SubmitBar label={t('apiClients.create')} busy={create.busy} disabled={f.scopes.length === 0} error={create.error} />
      </form>
      <ErrorMessage error={list.error ?? revoke.error} />
      <DataTable testId="api-clients" columns={columns} rows={list.data} rowKey={(c) => c.id} rowData={(c) => ({ 'data-client-id': c.clientId })} />
    </section>
  );
}
