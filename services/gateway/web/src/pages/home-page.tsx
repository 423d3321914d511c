import { Link } from '../components/link';
import type { Session } from '../api/session';
import { useI18n } from '../i18n';
import { homeOf } from '../roles';

export function HomePage({ session }: { session: Session | null }) {
  const { t } = useI18n();
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.subtitle')}</p>
      </section>
      <div className="tiles">
        <Link to="/citizen" className="tile">
          <strong>{t('home.submit')}</strong>
          <span>{t('home.submitHint')}</span>
        </Link>
        <Link to="/citizen/track" className="tile">
          <strong>{t('home.track')}</strong>
          <span>{t('home.trackHint')}</span>
        </Link>
        <Link to={session ? homeOf(session.user.role) : '/login'} className="tile staff">
          <strong>{session ? t('home.workspace') : t('home.staff')}</strong>
          <span>{t('home.staffHint')}</span>
        </Link>
      </div>
    </div>
  );
}
