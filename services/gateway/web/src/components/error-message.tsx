import { GraphqlError } from '../api/client';
import { useI18n, type MessageKey } from '../i18n';

const KNOWN: Record<string, MessageKey> = {
  NETWORK: 'error.NETWORK',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  NOT_FOUND: 'error.NOT_FOUND',
  BAD_USER_INPUT: 'error.BAD_USER_INPUT',
  CONFLICT: 'error.CONFLICT',
  SERVICE_UNAVAILABLE: 'error.SERVICE_UNAVAILABLE',
  TOO_MANY_REQUESTS: 'error.TOO_MANY_REQUESTS',
};

/** Shows what went wrong: a sentence for the stable code, and the server's own message (it is bilingual) beneath. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const code = error instanceof GraphqlError ? error.code : 'INTERNAL_SERVER_ERROR';
  const detail = error instanceof GraphqlError && error.code !== 'NETWORK' ? error.message : error instanceof Error && !(error instanceof GraphqlError) ? error.message : '';
  return (
    <div className="error" role="alert" data-testid="error">
      <strong>{t(KNOWN[code] ?? 'error.other')}</strong>
      {detail && <span className="detail">{detail}</span>}
    </div>
  );
}
