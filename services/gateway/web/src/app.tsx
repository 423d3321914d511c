import { useEffect, useState, type ReactNode } from 'react';
import { closeLive } from './api/live';
import { loadSession, onSessionChange, saveSession, type Session } from './api/session';
import { gql } from './api/client';
import { Link } from './components/link';
import { useI18n, type MessageKey } from './i18n';
import { AdminPage } from './pages/admin-page';
import { BoardPage } from './pages/board-page';
import { CitizenSubmitPage } from './pages/citizen-submit-page';
import { CitizenTrackPage } from './pages/citizen-track-page';
import { HandoffInboxPage } from './pages/handoff-inbox-page';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { ReceptionDaysPage } from './pages/reception-days-page';
import { ReceptionPage } from './pages/reception-page';
import { SupervisorPage } from './pages/supervisor-page';
import { WorkbenchPage } from './pages/workbench-page';
import { pagesFor, type StaffPage } from './roles';
import { navigate, useLocation } from './router';

const PAGE_TITLES: Record<StaffPage, MessageKey> = {
  '/board': 'nav.board',
  '/reception': 'nav.reception',
  '/reception-days': 'nav.receptionDays',
  '/workbench': 'nav.workbench',
  '/handoffs': 'nav.handoffs',
  '/supervisor': 'nav.supervisor',
  '/admin': 'nav.admin',
};

function useSession(): Session | null {
  const [session, setSession] = useState(loadSession);
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

function signOut(session: Session): void {
  // Revoke the refresh token on the server; the local session goes either way.
  void gql('mutation ($t: String!) { logout(refreshToken: $t) }', { t: session.refreshToken }).catch(() => undefined);
  saveSession(null);
  closeLive();
  navigate('/');
}

function StaffOnly({ session, page, children }: { session: Session | null; page: StaffPage; children: ReactNode }) {
  const { t } = useI18n();
  if (!session) return <LoginPage next={page} />;
  if (!pagesFor(session.user.role).includes(page)) return <p className="notice">{t('app.notForRole')}</p>;
  return <>{children}</>;
}

export function App() {
  const { t, tEnum, lang, setLang } = useI18n();
  const { path } = useLocation();
  const session = useSession();
  const staffPages = session ? pagesFor(session.user.role) : [];

  let page: ReactNode;
  if (path === '/' || path === '') page = <HomePage session={session} />;
  else if (path === '/login') page = <LoginPage />;
  else if (path === '/citizen') page = <CitizenSubmitPage />;
  else if (path === '/citizen/track') page = <CitizenTrackPage />;
  else if (path in PAGE_TITLES) {
    const p = path as StaffPage;
    const body = {
      '/board': <BoardPage />,
      '/reception': <ReceptionPage />,
      '/reception-days': <ReceptionDaysPage />,
      '/workbench': <WorkbenchPage />,
      '/handoffs': <HandoffInboxPage />,
      '/supervisor': <SupervisorPage />,
      '/admin': <AdminPage />,
    }[p];
    page = (
      <StaffOnly session={session} page={p}>
        {body}
      </StaffOnly>
    );
  } else page = <p className="notice">{t('app.notFound')}</p>;

  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.brand')}
        </Link>
        <nav className="menu">
          {staffPages.map((p) => (
            <Link key={p} to={p} className={path === p ? 'active' : undefined}>
              {t(PAGE_TITLES[p])}
            </Link>
          ))}
          {!session && <Link to="/citizen">{t('nav.citizen')}</Link>}
        </nav>
        <div className="tools">
          <button type="button" className="link" data-testid="lang-switch" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
            {lang === 'zh-CN' ? 'English' : '中文'}
          </button>
          {session ? (
            <>
              <span className="who" data-testid="signed-in-as">
                {session.user.displayName} · {tEnum('role', session.user.role)}
              </span>
              <button type="button" className="link" onClick={() => signOut(session)}>
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('nav.signIn')}</Link>
          )}
        </div>
      </header>
      <main className="content">{page}</main>
    </div>
  );
}
