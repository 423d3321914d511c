import { useState } from 'react';
import { gql } from '../../api/client';
import { loadSession } from '../../api/session';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';
import { changedFields, loadOrganisations, STAFF_ROLES, type DirectoryOrganisation } from './admin-lookups';

const USER_FIELDS = 'id username displayName role orgCode regionCode active createdAt';
const USERS = `query ($filter: UserFilterInput, $after: String) { users(filter: $filter, first: 50, after: $after) { edges { node { ${USER_FIELDS} } } pageInfo { endCursor hasNextPage } } }`;
const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const DISABLE = `mutation ($id: ID!) { disableUser(id: $id) { id active } }`;
const ENABLE = `mutation ($id: ID!) { enableUser(id: $id) { id active } }`;
const RESET = `mutation ($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id } }`;

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
  const { tEnum } = useI18n();
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value)} required={!emptyLabel}>
      {emptyLabel && <option value="">{emptyLabel}</option>}
      {STAFF_ROLES.map((r) => (
        <option key={r} value={r}>
          {tEnum('role', r)}
        </option>
      ))}
    </select>
  );
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
        <label>
          {t('login.username')}
          <input name="username" value={f.username} onChange={(e) => set('username')(e.target.value)} required autoComplete="off" />
        </label>
        <label>
          {t('users.displayName')}
          <input name="displayName" value={f.displayName} onChange={(e) => set('displayName')(e.target.value)} required />
        </label>
        <label>
          {t('users.role')}
          <RoleSelect name="role" value={f.role} onChange={set('role')} />
        </label>
      </div>
      <div className="row">
        <label>
          {t('users.org')}
          <OrgSelect name="orgCode" value={f.orgCode} onChange={set('orgCode')} orgs={orgs} />
        </label>
        <label>
          {t('users.region')}
          <input name="regionCode" value={f.regionCode} onChange={(e) => set('regionCode')(e.target.value)} required />
        </label>
        <label>
          {t('users.initialPassword')}
          <input name="initialPassword" type="password" autoComplete="new-password" value={f.initialPassword} onChange={(e) => set('initialPassword')(e.target.value)} required />
        </label>
      </div>
      <p className="hint">{t('users.passwordPolicy')}</p>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('users.create')}
        </button>
      </div>
    </form>
  );
}

/** One account: change role, organisation, region or name; disable / enable; a new password. */
function UserRow({ user, orgs, onChanged }: { user: StaffUser; orgs: DirectoryOrganisation[]; onChanged: () => void }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [mode, setMode] = useState<'view' | 'edit' | 'password'>('view');
  const original = { displayName: user.displayName, role: user.role, orgCode: user.orgCode, regionCode: user.regionCode };
  const [f, setF] = useState(original);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const action = useAction();
  const act = async (query: string, variables: Record<string, unknown>, message = '') => {
    if (await action.run(() => gql(query, variables))) {
      setMode('view');
      setPassword('');
      setDone(message);
      onChanged();
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
        <td>{user.active ? <span className="badge">{t('users.active')}</span> : <span className="badge danger">{t('users.disabled')}</span>}</td>
        <td>{formatDateTime(user.createdAt)}</td>
        <td className="actions">
          <button type="button" className="link" onClick={() => (setF(original), setMode(mode === 'edit' ? 'view' : 'edit'))}>
            {t('admin.edit')}
          </button>
          <button type="button" className="link" data-action="toggle-active" disabled={action.busy} onClick={() => act(user.active ? DISABLE : ENABLE, { id: user.id })}>
            {user.active ? t('users.disable') : t('users.enable')}
          </button>
          <button type="button" className="link" onClick={() => setMode(mode === 'password' ? 'view' : 'password')}>
            {t('users.resetPassword')}
          </button>
        </td>
      </tr>
      {(mode !== 'view' || action.error || done) && (
        <tr>
          <td colSpan={8}>
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
                  <label>
                    {t('users.displayName')}
                    <input name="displayName" value={f.displayName} onChange={(e) => setF({ ...f, displayName: e.target.value })} required />
                  </label>
                  <label>
                    {t('users.role')}
                    <RoleSelect name="role" value={f.role} onChange={(role) => setF({ ...f, role })} />
                  </label>
                  <label>
                    {t('users.org')}
                    <OrgSelect name="orgCode" value={f.orgCode} onChange={(orgCode) => setF({ ...f, orgCode })} orgs={orgs} />
                  </label>
                  <label>
                    {t('users.region')}
                    <input name="regionCode" value={f.regionCode} onChange={(e) => setF({ ...f, regionCode: e.target.value })} required />
                  </label>
                </div>
                <p className="hint">{t('users.updateHint')}</p>
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
            {mode === 'password' && (
              <form
                className="actions"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(RESET, { id: user.id, p: password }, t('users.passwordReset'));
                }}
              >
                <input name="newPassword" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={t('users.newPassword')} required />
                <button type="submit" className="primary" disabled={action.busy}>
                  {t('users.resetPassword')}
                </button>
                <span className="hint">{t('users.passwordPolicy')}</span>
              </form>
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
          <label>
            {t('users.role')}
            <RoleSelect name="filterRole" value={filter.role} onChange={setF('role')} emptyLabel={t('users.all')} />
          </label>
          <label>
            {t('users.org')}
            <OrgSelect name="filterOrg" value={filter.orgCode} onChange={setF('orgCode')} orgs={orgs.data ?? []} emptyLabel={t('users.all')} />
          </label>
          <label>
            {t('users.search')}
            <input name="filterSearch" value={filter.search} onChange={(e) => setF('search')(e.target.value)} />
          </label>
        </div>
        <ErrorMessage error={users.error ?? orgs.error} />
        <div className="table-wrap">
          <table data-testid="users">
            <thead>
              <tr>
                <th>{t('login.username')}</th>
                <th>{t('users.displayName')}</th>
                <th>{t('users.role')}</th>
                <th>{t('users.org')}</th>
                <th>{t('users.region')}</th>
                <th>{t('common.status')}</th>
                <th>{t('users.createdAt')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.data?.edges.map(({ node }) => (
                <UserRow key={node.id} user={node} orgs={orgs.data ?? []} onChanged={() => void users.reload()} />
              ))}
            </tbody>
          </table>
        </div>
        {users.data?.edges.length === 0 && <p className="muted">{t('common.none')}</p>}
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
