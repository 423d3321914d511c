import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

/** What a badge or a figure draws attention to: red for what is late or refused, amber for what waits. */
export type Tone = 'danger' | 'warn';

/** A pill of a few words. */
export function Badge({ tone, testId, children }: { tone?: Tone; testId?: string; children: ReactNode }) {
  return (
    <span className={`badge${tone ? ` ${tone}` : ''}`} data-testid={testId}>
      {children}
    </span>
  );
}

/** A status pill: the dictionary's label of an enum value; `tone` marks what needs attention. */
export function StatusBadge({ prefix, value, tone }: { prefix: string; value: string | null | undefined; tone?: Tone }) {
  const { tEnum } = useI18n();
  return <Badge tone={tone}>{tEnum(prefix, value)}</Badge>;
}

/** Whether an account, organisation or client is in use: "active", or `inactiveLabel` in red. */
export function ActiveBadge({ active, inactiveLabel }: { active: boolean; inactiveLabel: string }) {
  const { t } = useI18n();
  return active ? <Badge>{t('users.active')}</Badge> : <Badge tone="danger">{inactiveLabel}</Badge>;
}

/** One figure of a `.stats` row: the number (… until it is known) over its label; `colour` tops the tile, `colourKey` is its data-colour. */
export function Stat({ n, label, colour, colourKey }: { n: ReactNode | undefined; label: ReactNode; colour?: string; colourKey?: string }) {
  return (
    <div className={`stat${colour ? ` ${colour}` : ''}`} data-colour={colourKey}>
      <span className="n">{n ?? '…'}</span>
      <span>{label}</span>
    </div>
  );
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

/** 四色预警 (and green for the routine): the triage colours, most urgent first. */
export const TRIAGE_COLOURS = ['RED', 'ORANGE', 'YELLOW', 'BLUE', 'GREEN'] as const;
export type TriageColour = (typeof TRIAGE_COLOURS)[number];

/** How hard a matter is to handle, as the classification list and the deadline rules name it. */
export const COMPLEXITIES = ['URGENT', 'SIMPLE', 'COMPLEX', 'DIFFICULT'] as const;

/** A coloured dot before a label (triage colour, overdue red…). */
export function Dot({ colour }: { colour: string }) {
  return <span className={`dot ${colour.toLowerCase()}`} />;
}
