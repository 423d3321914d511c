import { Badge, type Tone } from '../../components/labels';
import { useI18n } from '../../i18n';
import type { Notice } from './notice-fields';

/** A notice's badge: its state, red when a due date has passed. */
export function NoticeStateBadge({ notice }: { notice: Notice }) {
  const { t, tEnum } = useI18n();
  const tone: Tone | undefined = notice.state === 'ACCEPTED' ? undefined : notice.overdue ? 'danger' : notice.state === 'RESPONDED' ? 'warn' : undefined;
  return (
    <Badge tone={tone} testId="notice-state">
      {tEnum('noticeState', notice.state)}
      {notice.overdue && notice.state !== 'ACCEPTED' && ` · ${t('notice.overdue')}`}
    </Badge>
  );
}

/** The demands, the due dates, and every written response with its review. */
export function NoticeDetail({ notice }: { notice: Notice }) {
  const { t, tEnum, formatDateTime } = useI18n();
  return (
    <div>
      <dl className="kv">
        <dt>{t('common.trackingCode')}</dt>
        <dd>{notice.trackingCode}</dd>
        <dt>{t('notice.level')}</dt>
        <dd>
          {tEnum('noticeLevel', notice.level)} {notice.listed && <Badge tone="danger">{t('notice.listed')}</Badge>}
        </dd>
        <dt>{t('notice.unit')}</dt>
        <dd>{notice.orgCode}</dd>
        <dt>{t('notice.issuedAt')}</dt>
        <dd>{formatDateTime(notice.issuedAt)}</dd>
        <dt>{t('notice.responseDue')}</dt>
        <dd>{formatDateTime(notice.responseDueAt)}</dd>
        {notice.fixDueAt && (
          <>
            <dt>{t('notice.fixDue')}</dt>
            <dd>{formatDateTime(notice.fixDueAt)}</dd>
          </>
        )}
        <dt>{t('notice.demands')}</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{notice.demands}</dd>
      </dl>
      {notice.responses.length > 0 && <h3>{t('notice.responses')}</h3>}
      <ol className="timeline" data-testid="notice-responses">
        {notice.responses.map((r) => (
          <li key={r.round} data-round={r.round} data-verdict={r.verdict ?? ''}>
            <time>
              {t('notice.round', { n: r.round })} · {formatDateTime(r.respondedAt)} {!r.onTime && <Badge tone="danger">{t('notice.late')}</Badge>}
            </time>
            <div>
              <strong>{t('notice.actions')}:</strong> {r.actions}
            </div>
            <div>
              <strong>{t('notice.result')}:</strong> {r.result}
            </div>
            {r.verdict && (
              <div className={r.verdict === 'ACCEPTED' ? 'ok' : 'notice'} style={{ marginTop: '0.3rem', padding: '0.3rem 0.6rem' }}>
                {tEnum('noticeVerdict', r.verdict)} · {formatDateTime(r.reviewedAt)}
                {r.reviewNote && ` · ${r.reviewNote}`}
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
