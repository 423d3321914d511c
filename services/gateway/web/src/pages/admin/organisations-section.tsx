import { useState } from 'react';
import { gql, GraphqlError } from '../../api/client';
import { loadSession } from '../../api/session';
import { Table } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { CheckField, EnumSelect, Field, InlineForm, SubmitBar, TextField } from '../../components/form-fields';
import { ActiveBadge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';
import { changedFields, loadOrganisations, ORGANISATION_FIELDS, ORGANISATION_KINDS, type DirectoryOrganisation } from './admin-lookups';
import { useRowEditor } from './row-editor';

const CREATE = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ORGANISATION_FIELDS} } }`;
const UPDATE = `mutation ($code: String!, $input: UpdateOrganisationInput!) { updateOrganisation(code: $code, input: $input) { ${ORGANISATION_FIELDS} } }`;
const DEACTIVATE = `mutation ($code: String!, $reason: String!) { deactivateOrganisation(code: $code, reason: $reason) { ${ORGANISATION_FIELDS} } }`;

/** The columns of the organisations table (an open row's form spans them all). */
const ORG_HEADERS = 7;

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
  const { t } = useI18n();
  const text = (k: keyof OrgForm | 'code', label: string, required = true) => <TextField label={label} name={`org-${k}`} value={f[k] ?? ''} onValue={(v) => setF({ ...f, [k]: v })} required={required} />;
  return (
    <div className="row">
      {withCode && text('code', t('admin.code'))}
      {text('name', t('admin.name'))}
      {text('nameEn', t('admin.nameEn'))}
      <Field label={t('orgs.kind')}>
        <EnumSelect name="org-kind" prefix="orgKind" values={ORGANISATION_KINDS} value={f.kind} onValue={(kind) => setF({ ...f, kind })} />
      </Field>
      {text('regionCode', t('common.region'))}
      {text('departmentType', t('orgs.departmentType'), false)}
    </div>
  );
}

function OrgRow({ org, onChanged }: { org: DirectoryOrganisation; onChanged: () => void }) {
  const { t, tEnum, lang } = useI18n();
  const { mode, close, toggle, action, run } = useRowEditor<'edit' | 'deactivate'>(onChanged);
  const original: OrgForm = { name: org.name, nameEn: org.nameEn, kind: org.kind, regionCode: org.regionCode, departmentType: org.departmentType ?? '' };
  const [f, setF] = useState<OrgForm>(original);
  const [reason, setReason] = useState('');
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
        <td>
          <ActiveBadge active={org.active} inactiveLabel={t('orgs.inactive')} />
        </td>
        <td className="actions">
          <button type="button" className="link" onClick={() => (setF(original), toggle('edit'))}>
            {t('admin.edit')}
          </button>
          {org.active && (
            <button type="button" className="link" data-action="deactivate" onClick={() => toggle('deactivate')}>
              {t('orgs.deactivate')}
            </button>
          )}
        </td>
      </tr>
      {(mode !== 'view' || action.error) && (
        <tr>
          <td colSpan={ORG_HEADERS}>
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
                <SubmitBar label={t('users.save')} busy={action.busy} onCancel={close} />
              </form>
            )}
            {mode === 'deactivate' && (
              <InlineForm testId="deactivate-form" label={t('orgs.deactivate')} buttonClass="primary" busy={action.busy} hint={t('orgs.deactivateHint')} onSubmit={() => run(DEACTIVATE, { code: org.code, reason: reason.trim() })}>
                <input name="deactivateReason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('common.reason')} required style={{ width: '20rem' }} />
              </InlineForm>
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
  const { t } = useI18n();
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
        <SubmitBar label={t('orgs.add')} busy={create.busy} error={create.error} />
      </form>
      <div className="toolbar">
        <TextField label={t('users.search')} name="orgSearch" value={filter.search} onValue={(search) => setFilter({ ...filter, search })} />
        <Field label={t('orgs.kind')}>
          <EnumSelect name="orgKindFilter" prefix="orgKind" values={ORGANISATION_KINDS} emptyLabel={t('users.all')} value={filter.kind} onValue={(kind) => setFilter({ ...filter, kind })} />
        </Field>
        <TextField label={t('orgs.withinRegion')} name="orgRegionFilter" value={filter.regionCode} onValue={(regionCode) => setFilter({ ...filter, regionCode })} />
        <CheckField label={t('orgs.includeInactive')} checked={filter.includeInactive} onValue={(includeInactive) => setFilter({ ...filter, includeInactive })} />
      </div>
      <ErrorMessage error={orgs.error} />
      <Table testId="organisations" headers={[t('admin.code'), t('admin.name'), t('orgs.kind'), t('common.region'), t('orgs.departmentType'), t('common.status'), '']} empty={orgs.data?.length === 0}>
        {orgs.data?.map((o) => (
          <OrgRow key={o.code} org={o} onChanged={() => void orgs.reload()} />
        ))}
      </Table>
    </section>
  );
}
