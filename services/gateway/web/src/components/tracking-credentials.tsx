import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/**
 * What a petitioner needs to follow a new grievance: the tracking code and the secret (shown this
 * once: the service keeps only its hash), when it was received, and `hint` on keeping the secret.
 */
export function TrackingCredentials({ trackingCode, secret, receivedAt, hint }: { trackingCode: string; secret: string; receivedAt: string; hint: ReactNode }) {
  const { t, formatDateTime } = useI18n();
  return (
    <>
      <div className="ok credentials">
        <span>
          {t('submit.trackingCode')}: <code data-testid="tracking-code">{trackingCode}</code>
        </span>
        <span>
          {t('submit.secret')}: <code data-testid="tracking-secret">{secret}</code>
        </span>
        <span className="muted">{t('submit.receivedAt', { at: formatDateTime(receivedAt) })}</span>
      </div>
      <p className="hint">{hint}</p>
    </>
  );
}
