import { useState } from 'react';
import { gql, GraphqlError } from '../../api/client';
import { loadSession } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';
import { changedFields, loadOrganisations, ORGANISATION_FIELDS, ORGANISATION_KINDS, type DirectoryOrganisation } from './admin-lookups';

const CREATE = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ORGANISATION_FIELDS} } }`;
const UPDATE = `mutation ($code: String!, $input: UpdateOrganisationInput!) { updateOrganisation(code: $code, input: $input) { ${ORGANISATION_FIELDS} } }`;
const DEACTIVATE = `mutation ($code: String!, $reason: String!) { deactivateOrganisation(code: $code, reason: $reason) { ${ORGANISATION_FIELDS} } }`;

type OrgForm = { name: string; nameEn: string; kind: string; regionCode: string; departmentType: string };

/**
 * A refused deactivation says why in its own words (open assignments, rules still sending work):
 * the sentence is about the organisation, not "refresh and retry".
 */
function DeactivateError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof GraphqlError && error.code === 'CONFLICT') {
    return (
      <div className="error" role="alert" data-testid="error" data-code="CONFLICT">
        <strong>{t('orgs.deactivateRefused')}</strong>
        <span className="detail">{error.message}</span>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}

function OrgFields({ f, setF, withCode }: { f: OrgForm & { code?: string }; setF: (f: OrgForm & { code?: string }) => void; withCode?: boolean }) {
  const { t, tEnum } = useI18n();
  const input = (k: keyof OrgForm | 'code', required = true) => <input name={`org-${k}`} value={f[k] ?? ''} onChange={(e) => setF({ ...f, [k]: e.target.value })} required={required} />;
  return (
    <div className="row">
      {withCode && (
        <label>
          {t('admin.code')}
          {input('code')}
        </label>
      )}
      <label>
        {t('admin.name')}
        {input('name')}
      </label>
      <label>
        {t('admin.nameEn')}
        {input('nameEn')}
      </label>
      <label>
        {t('orgs.kind')}
        <select name="org-kind" value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {tEnum('orgKind', k)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('common.region')}
        {input('regionCode')}
      </label>
      <label>
        {t('orgs.departmentType')}
        {input('departmentType', false)}
      </label>
    </div>
  );
}

function OrgRow({ org, onChanged }: { org: DirectoryOrganisation; onChanged: () => void }) {
  const { t, tEnum, lang } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'deactivate'>('view');
  const original: OrgForm = { name: org.name, nameEn: org.nameEn, kind: org.kind, regionCode: org.regionCode, departmentType: org.departmentType ?? '' };
  const [f, setF] = useState<OrgForm>(original);
  const [reason, setReason] = useState('');
  const action = useAction();
  const run = async (query: string, variables: Record<string, unknown>) => {
    if (await action.run(() => gql(query, variables))) {
      setMode('view');
      onChanged();
    }
  };
  return (
    <>
      <tr data-org={org.code} data-active={org.active}>
        <td>
          <code>{org.code}</code>
        </td>
        <td>
          {lang === 'en' ? org.nameEn : org.name}
          <div className="muted">{lang === 'en' ? org.name : org.nameEn}</div>
        </td>
        <td>{tEnum('orgKind', org.kind)}</td>
        <td>{org.regionCode}</td>
        <td>{org.departmentType ?? '—'}</td>
        <td>{org.active ? <span className="badge">{t('users.active')}</span> : <span className="badge danger">{t('orgs.inactive')}</span>}</td>
        <td className="actions">
          <button type="button" className="link" onClick={() => (setF(original), action.clear(), setMode(mode === 'edit' ? 'view' : 'edit'))}>
            {t('admin.edit')}
          </button>
          {org.active && (
            <button type="button" className="link" data-action="deactivate" onClick={() => (action.clear(), setMode(mode === 'deactivate' ? 'view' : 'deactivate'))}>
              {t('orgs.deactivate')}
            </button>
          )}
        </td>
      </tr>
      {(mode !== 'view' || action.error) && (
        <tr>
          <td colSpan={7}>
            {mode === 'edit' && (
              <form
                className="form"
                onSubmit={(e) => {
                  e.preventDefault();
                  const changed = changedFields(original, { ...f, departmentType: f.departmentType.trim() });
                  void run(UPDATE, { code: org.code, input: changed });
                }}
              >
                <OrgFields f={f} setF={setF} />
                <div className="actions">
                  <button type="submit" className="primary" disabled={action.busy}>
                    {t('users.save')}
                  </button>
                  <button type="button" onClick={() => setMode('view')}>
                    {t('common.cancel')}
                  </button>
                </div>
              </form>
            )}
            {mode === 'deactivate' && (
              <form
                className="actions"
                data-testid="deactivate-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(DEACTIVATE, { code: org.code, reason: reason.trim() });
                }}
              >
                <input name="deactivateReason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('common.reason')} required style={{ width: '20rem' }} />
                <button type="submit" className="primary" disabled={action.busy}>
                  {t('orgs.deactivate')}
                </button>
                <span className="hint">{t('orgs.deactivateHint')}</span>
              </form>
            )}
            <DeactivateError error={action.error} />
          </td>
        </tr>
      )}
    </>
  );
}

/** 单位名录: organisations filtered by name, kind and region; add, change, deactivate. */
export function OrganisationsSection() {
  const { t, tEnum } = useI18n();
  const [filter, setFilter] = useState({ search: '', kind: '', regionCode: '', includeInactive: false });
  const orgs = useAsync(
    () =>
      loadOrganisations({
        includeInactive: filter.includeInactive,
        ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.regionCode.trim() ? { regionCode: filter.regionCode.trim(), withinRegion: true } : {}),
      }),
    [filter],
  );
  const empty = { code: '', name: '', nameEn: '', kind: 'DEPARTMENT', regionCode: loadSession()?.user.regionCode ?? '', departmentType: '' };
  const [f, setF] = useState<OrgForm & { code?: string }>(empty);
  const create = useAction();
  return (
    <section className="card" data-testid="organisations-section">
      <h2>{t('orgs.title')}</h2>
      <form
        className="form"
        data-testid="create-org-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const { departmentType, ...rest } = f;
          if (await create.run(() => gql(CREATE, { input: { ...rest, code: (rest.code ?? '').trim(), ...(departmentType.trim() ? { departmentType: departmentType.trim() } : {}) } }))) {
            setF(empty);
            void orgs.reload();
          }
        }}
      >
        <h3>{t('orgs.add')}</h3>
        <OrgFields f={f} setF={setF} withCode />
        <ErrorMessage error={create.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={create.busy}>
            {t('orgs.add')}
          </button>
        </div>
      </form>
      <div className="toolbar">
        <label>
          {t('users.search')}
          <input name="orgSearch" value={filter.search} onChange={(e) => setFilter({ ...filter, search: e.target.value })} />
        </label>
        <label>
          {t('orgs.kind')}
          <select name="orgKindFilter" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
            <option value="">{t('users.all')}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {tEnum('orgKind', k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('orgs.withinRegion')}
          <input name="orgRegionFilter" value={filter.regionCode} onChange={(e) => setFilter({ ...filter, regionCode: e.target.value })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.includeInactive} onChange={(e) => setFilter({ ...filter, includeInactive: e.target.checked })} />
          {t('orgs.includeInactive')}
        </label>
      </div>
      <ErrorMessage error={orgs.error} />
      <div className="table-wrap">
        <table data-testid="organisations">
          <thead>
            <tr>
              <th>{t('admin.code')}</th>
              <th>{t('admin.name')}</th>
              <th>{t('orgs.kind')}</th>
              <th>{t('common.region')}</th>
              <th>{t('orgs.departmentType')}</th>
              <th>{t('common.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {orgs.data?.map((o) => (
              <OrgRow key={o.code} org={o} onChanged={() => void orgs.reload()} />
            ))}
          </tbody>
        </table>
      </div>
      {orgs.data?.length === 0 && <p className="muted">{t('common.none')}</p>}
    </section>
  );
}
