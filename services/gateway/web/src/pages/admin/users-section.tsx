import { useState } from 'react';
import { gql } from '../../api/client';
import { loadSession } from '../../api/session';
import { Table } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { EnumSelect, Field, InlineForm, SubmitBar, TextField } from '../../components/form-fields';
import { ActiveBadge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';
import { changedFields, loadOrganisations, STAFF_ROLES, type DirectoryOrganisation } from './admin-lookups';
import { useRowEditor } from './row-editor';

const USER_FIELDS = 'id username displayName role orgCode regionCode active createdAt';
const USERS = `query ($filter: UserFilterInput, $after: String) { users(filter: $filter, first: 50, after: $after) { edges { node { ${USER_FIELDS} } } pageInfo { endCursor hasNextPage } } }`;
const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const DISABLE = `mutation ($id: ID!) { disableUser(id: $id) { id active } }`;
const ENABLE = `mutation ($id: ID!) { enableUser(id: $id) { id active } }`;
const RESET = `mutation ($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id } }`;

/** The columns of the users table (an open row's form spans them all). */
const USER_HEADERS = 8;

interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgCode: string;
  regionCode: string;
  active: boolean;
  createdAt: string;
}
interface UserPage {
  edges: { node: StaffUser }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

function RoleSelect({ name, value, onChange, emptyLabel }: { name: string; value: string; onChange: (v: string) => void; emptyLabel?: string }) {
  return <EnumSelect name={name} prefix="role" values={STAFF_ROLES} value={value} onValue={onChange} emptyLabel={emptyLabel} required={!emptyLabel} />;
}

/** Organisations of the directory by name; the account's organisation must be one of them. */
function OrgSelect({ name, value, onChange, orgs, emptyLabel }: { name: string; value: string; onChange: (v: string) => void; orgs: DirectoryOrganisation[]; emptyLabel?: string }) {
  const { t, lang } = useI18n();
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value)} required={!emptyLabel}>
      <option value="">{emptyLabel ?? t('users.pickOrg')}</option>
      {orgs.map((o) => (
        <option key={o.code} value={o.code}>
          {lang === 'en' ? o.nameEn : o.name} ({o.code})
        </option>
      ))}
    </select>
  );
}

function CreateUserForm({ orgs, onDone }: { orgs: DirectoryOrganisation[]; onDone: (u: StaffUser) => void }) {
  const { t } = useI18n();
  const empty = { username: '', displayName: '', role: 'UNIT_STAFF', orgCode: '', regionCode: loadSession()?.user.regionCode ?? '', initialPassword: '' };
  const [f, setF] = useState(empty);
  const action = useAction();
  const set = (k: keyof typeof empty) => (v: string) => setF({ ...f, [k]: v });
  return (
    <form
      className="form card"
      data-testid="create-user-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const made = await action.run(() => gql<{ createUser: StaffUser }>(CREATE, { input: { ...f, username: f.username.trim(), displayName: f.displayName.trim(), regionCode: f.regionCode.trim() } }));
        if (made) {
          setF(empty);
          onDone(made.createUser);
        }
      }}
    >
      <h3>{t('users.create')}</h3>
      <div className="row">
        <TextField label={t('login.username')} name="username" value={f.username} onValue={set('username')} required autoComplete="off" />
        <TextField label={t('users.displayName')} name="displayName" value={f.displayName} onValue={set('displayName')} required />
        <Field label={t('users.role')}>
          <RoleSelect name="role" value={f.role} onChange={set('role')} />
        </Field>
      </div>
      <div className="row">
        <Field label={t('users.org')}>
          <OrgSelect name="orgCode" value={f.orgCode} onChange={set('orgCode')} orgs={orgs} />
        </Field>
        <TextField label={t('users.region')} name="regionCode" value={f.regionCode} onValue={set('regionCode')} required />
        <TextField label={t('users.initialPassword')} name="initialPassword" type="password" autoComplete="new-password" value={f.initialPassword} onValue={set('initialPassword')} required />
      </div>
      <p className="hint">{t('users.passwordPolicy')}</p>
      <SubmitBar label={t('users.create')} busy={action.busy} error={action.error} />
    </form>
  );
}

/** One account: change role, organisation, region or name; disable / enable; a new password. */
function UserRow({ user, orgs, onChanged }: { user: StaffUser; orgs: DirectoryOrganisation[]; onChanged: () => void }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const { mode, close, toggle, action, run } = useRowEditor<'edit' | 'password'>(onChanged);
  const original = { displayName: user.displayName, role: user.role, orgCode: user.orgCode, regionCode: user.regionCode };
  const [f, setF] = useState(original);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const act = async (query: string, variables: Record<string, unknown>, message = '') => {
    setDone('');
    if (await run(query, variables)) {
      setPassword('');
      setDone(message);
    }
  };
  return (
    <>
      <tr data-username={user.username} data-active={user.active}>
        <td>
          <code>{user.username}</code>
        </td>
        <td>{user.displayName}</td>
        <td>{tEnum('role', user.role)}</td>
        <td>{user.orgCode}</td>
        <td>{user.regionCode}</td>
        <td>
          <ActiveBadge active={user.active} inactiveLabel={t('users.disabled')} />
        </td>
        <td>{formatDateTime(user.createdAt)}</td>
        <td className="actions">
          <button type="button" className="link" onClick={() => (setF(original), toggle('edit'))}>
            {t('admin.edit')}
          </button>
          <button type="button" className="link" data-action="toggle-active" disabled={action.busy} onClick={() => act(user.active ? DISABLE : ENABLE, { id: user.id })}>
            {user.active ? t('users.disable') : t('users.enable')}
          </button>
          <button type="button" className="link" onClick={() => toggle('password')}>
            {t('users.resetPassword')}
          </button>
        </td>
      </tr>
      {(mode !== 'view' || action.error || done) && (
        <tr>
          <td colSpan={USER_HEADERS}>
            {mode === 'edit' && (
              <form
                className="form"
                data-testid="edit-user-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(UPDATE, { id: user.id, input: changedFields(original, { ...f, displayName: f.displayName.trim(), regionCode: f.regionCode.trim() }) }, t('users.saved'));
                }}
              >
                <div className="row">
                  <TextField label={t('users.displayName')} name="displayName" value={f.displayName} onValue={(displayName) => setF({ ...f, displayName })} required />
                  <Field label={t('users.role')}>
                    <RoleSelect name="role" value={f.role} onChange={(role) => setF({ ...f, role })} />
                  </Field>
                  <Field label={t('users.org')}>
                    <OrgSelect name="orgCode" value={f.orgCode} onChange={(orgCode) => setF({ ...f, orgCode })} orgs={orgs} />
                  </Field>
                  <TextField label={t('users.region')} name="regionCode" value={f.regionCode} onValue={(regionCode) => setF({ ...f, regionCode })} required />
                </div>
                <p className="hint">{t('users.updateHint')}</p>
                <SubmitBar label={t('users.save')} busy={action.busy} onCancel={close} />
              </form>
            )}
            {mode === 'password' && (
              <InlineForm label={t('users.resetPassword')} buttonClass="primary" busy={action.busy} hint={t('users.passwordPolicy')} onSubmit={() => act(RESET, { id: user.id, p: password }, t('users.passwordReset'))}>
                <input name="newPassword" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={t('users.newPassword')} required />
              </InlineForm>
            )}
            <ErrorMessage error={action.error} />
            {done && mode === 'view' && !action.error && <p className="ok">{done}</p>}
          </td>
        </tr>
      )}
    </>
  );
}

/** 用户: staff accounts filtered by role and organisation, a page at a time; create and change them. */
export function UsersSection() {
  const { t } = useI18n();
  const [filter, setFilter] = useState({ role: '', orgCode: '', search: '' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const orgs = useAsync(() => loadOrganisations({ includeInactive: false }), []);
  const users = useAsync(() => {
    const f = Object.fromEntries(Object.entries(filter).filter(([, v]) => v.trim()));
    return gql<{ users: UserPage }>(USERS, { filter: f, after }).then((r) => r.users);
  }, [filter, after]);
  const setF = (k: keyof typeof filter) => (v: string) => (setFilter({ ...filter, [k]: v }), setCursors([null]));
  const [created, setCreated] = useState<StaffUser>();
  return (
    <div data-testid="users-section">
      <CreateUserForm
        orgs={orgs.data ?? []}
        onDone={(u) => {
          setCreated(u);
          void users.reload();
        }}
      />
      {created && (
        <p className="ok" data-testid="user-created">
          {t('users.created', { username: created.username })}
        </p>
      )}
      <section className="card">
        <h2>{t('users.title')}</h2>
        <div className="toolbar">
          <Field label={t('users.role')}>
            <RoleSelect name="filterRole" value={filter.role} onChange={setF('role')} emptyLabel={t('users.all')} />
          </Field>
          <Field label={t('users.org')}>
            <OrgSelect name="filterOrg" value={filter.orgCode} onChange={setF('orgCode')} orgs={orgs.data ?? []} emptyLabel={t('users.all')} />
          </Field>
          <TextField label={t('users.search')} name="filterSearch" value={filter.search} onValue={setF('search')} />
        </div>
        <ErrorMessage error={users.error ?? orgs.error} />
        <Table testId="users" headers={[t('login.username'), t('users.displayName'), t('users.role'), t('users.org'), t('users.region'), t('common.status'), t('users.createdAt'), '']} empty={users.data?.edges.length === 0}>
          {users.data?.edges.map(({ node }) => (
            <UserRow key={node.id} user={node} orgs={orgs.data ?? []} onChanged={() => void users.reload()} />
          ))}
        </Table>
        <div className="actions">
          <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
            {t('users.previous')}
          </button>
          <button type="button" disabled={!users.data?.pageInfo.hasNextPage} onClick={() => setCursors([...cursors, users.data!.pageInfo.endCursor])}>
            {t('users.next')}
          </button>
        </div>
      </section>
    </div>
  );
}
