import { useI18n } from '../i18n';

/** A status pill; `tone` marks what needs attention. */
export function StatusBadge({ prefix, value, tone }: { prefix: string; value: string | null | undefined; tone?: 'danger' | 'warn' }) {
  const { tEnum } = useI18n();
  return <span className={`badge${tone ? ` ${tone}` : ''}`}>{tEnum(prefix, value)}</span>;
}

/** Share of a deadline used (1 = due now) as a percentage. */
export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`);

/** YYYY-MM-DD of a day in Beijing (the calendar the indicators count in), `daysAgo` days before today. */
export function beijingDate(daysAgo = 0): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The UTC instant a Beijing day starts. */
export const beijingDayStart = (date: string): string => new Date(`${date}T00:00:00+08:00`).toISOString();
