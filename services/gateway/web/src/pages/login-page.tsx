import { useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { saveSession, type Session } from '../api/session';
import { ErrorMessage } from '../components/error-message';
import { TextField } from '../components/form-fields';
import { useI18n } from '../i18n';
import { homeOf } from '../roles';
import { navigate } from '../router';

const LOGIN = `mutation ($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken refreshToken
    user { id username displayName role orgCode regionCode }
  }
}`;

/** Staff sign-in. `next`: the page to show afterwards (when a staff page was opened signed out). */
export function LoginPage({ next }: { next?: string }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { login } = await gql<{ login: Session }>(LOGIN, { username: username.trim(), password }, { anonymous: true });
      saveSession(login);
      navigate(next ?? homeOf(login.user.role), true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} className="form">
        <TextField label={t('login.username')} name="username" autoComplete="username" value={username} onValue={setUsername} required />
        <TextField label={t('login.password')} name="password" type="password" autoComplete="current-password" value={password} onValue={setPassword} required />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p className="hint">{t('login.demoHint')}</p>
    </section>
  );
}
