import { useState } from 'react';
import { gql } from '../../api/client';
import { DataTable, type Column } from '../../components/data-table';
import { downloadBase64 } from '../../components/download';
import { ErrorMessage } from '../../components/error-message';
import { EnumSelect, Field, TextField } from '../../components/form-fields';
import { Badge, beijingDate, percent } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

const BULLETIN_FIELDS = `id kind periodStart periodEnd complete generatedAt overdueTotal
  totals { backlog overdueCount counts { received replied closed } rates { responseRate resolutionRate satisfactionRate onTimeRate } }`;
const BULLETINS = `query ($kind: BulletinKind, $first: Int) { bulletins(kind: $kind, first: $first) { items { ${BULLETIN_FIELDS} } nextCursor } }`;
const GENERATE = `mutation ($kind: BulletinKind!, $periodStart: String!) { generateBulletin(kind: $kind, periodStart: $periodStart) { ${BULLETIN_FIELDS} } }`;
const LEDGER = `query ($id: ID!, $format: LedgerFormat!, $sheet: LedgerSheet) { bulletinLedger(id: $id, format: $format, sheet: $sheet) { base64 bytes contentType filename } }`;

export type BulletinKind = 'DAILY' | 'WEEKLY' | 'HALF_MONTHLY' | 'MONTHLY';
const KINDS: BulletinKind[] = ['DAILY', 'WEEKLY', 'HALF_MONTHLY', 'MONTHLY'];

interface Bulletin {
  id: string;
  kind: BulletinKind;
  periodStart: string;
  periodEnd: string;
  complete: boolean;
  generatedAt: string;
  overdueTotal: number;
  totals: { backlog: number; overdueCount: number; counts: { received: number; replied: number; closed: number }; rates: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; onTimeRate: number | null } };
}

/** The first day of the period of `kind` that holds `day` (Beijing): the day itself, its Monday, the 1st or 16th, the 1st. */
export function periodStartOf(kind: BulletinKind, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (kind === 'DAILY') return day;
  if (kind === 'MONTHLY') return `${day.slice(0, 8)}01`;
  if (kind === 'HALF_MONTHLY') return `${day.slice(0, 8)}${d >= 16 ? '16' : '01'}`;
  const date = new Date(Date.UTC(y, m - 1, d));
  const back = (date.getUTCDay() + 6) % 7; // days since Monday
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** 台账 downloads of one bulletin: XLSX (both tables) and CSV (indicators or the overdue list). */
function LedgerButtons({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useI18n();
  const action = useAction();
  const download = (format: 'XLSX' | 'CSV', sheet?: 'INDICATORS' | 'OVERDUE') =>
    action.run(async () => {
      const { bulletinLedger } = await gql<{ bulletinLedger: { base64: string; contentType: string; filename: string } }>(LEDGER, { id: bulletin.id, format, ...(sheet ? { sheet } : {}) });
      downloadBase64(bulletinLedger);
    });
  return (
    <div className="actions">
      <button type="button" data-testid="ledger-xlsx" disabled={action.busy} onClick={() => void download('XLSX')}>
        {t('bulletin.xlsx')}
      </button>
      <button type="button" data-testid="ledger-csv" disabled={action.busy} onClick={() => void download('CSV', 'INDICATORS')}>
        {t('bulletin.csv')}
      </button>
      <button type="button" data-testid="ledger-csv-overdue" disabled={action.busy} onClick={() => void download('CSV', 'OVERDUE')}>
        {t('bulletin.csvOverdue')}
      </button>
      <ErrorMessage error={action.error} />
    </div>
  );
}

/** 通报: 一天一通报、一周一通报、半月一通报、一月一通报 — the list, one made now, and the ledger files. */
export function BulletinsSection() {
  const { t, tEnum, formatDateTime } = useI18n();
  const [kind, setKind] = useState<BulletinKind>('DAILY');
  const [periodStart, setPeriodStart] = useState(() => periodStartOf('DAILY', beijingDate(0)));
  const list = useAsync(() => gql<{ bulletins: { items: Bulletin[] } }>(BULLETINS, { kind, first: 30 }).then((r) => r.bulletins.items), [kind]);
  const generate = useAction();
  const columns: Column<Bulletin>[] = [
    {
      header: t('bulletin.period'),
      cell: (b) => (
        <>
          {tEnum('bulletinKind', b.kind)} {b.periodStart === b.periodEnd ? b.periodStart : `${b.periodStart} – ${b.periodEnd}`}
          {!b.complete && <Badge tone="warn">{t('bulletin.interim')}</Badge>}
          <div className="muted">{t('bulletin.generatedAt', { at: formatDateTime(b.generatedAt) })}</div>
        </>
      ),
    },
    { header: t('supervisor.received'), cell: (b) => b.totals.counts.received },
    { header: t('supervisor.replied'), cell: (b) => b.totals.counts.replied },
    { header: t('supervisor.closed'), cell: (b) => b.totals.counts.closed },
    { header: t('supervisor.responseRate'), cell: (b) => percent(b.totals.rates.responseRate) },
    { header: t('supervisor.satisfactionRate'), cell: (b) => percent(b.totals.rates.satisfactionRate) },
    { header: t('supervisor.onTimeRate'), cell: (b) => percent(b.totals.rates.onTimeRate) },
    { header: t('board.overdue'), cell: (b) => b.overdueTotal },
    { header: t('bulletin.ledger'), cell: (b) => <LedgerButtons bulletin={b} /> },
  ];
  return (
    <section className="card" data-testid="bulletins-section">
      <form
        className="toolbar"
        data-testid="generate-bulletin-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await generate.run(() => gql(GENERATE, { kind, periodStart }))) void list.reload();
        }}
      >
        <h2>{t('bulletin.title')}</h2>
        <Field label={t('bulletin.kind')}>
          <EnumSelect
            name="bulletinKind"
            prefix="bulletinKind"
            values={KINDS}
            value={kind}
            onValue={(v) => {
              const k = v as BulletinKind;
              setKind(k);
              setPeriodStart(periodStartOf(k, beijingDate(0)));
            }}
          />
        </Field>
        <TextField label={t('bulletin.periodStart')} name="periodStart" type="date" value={periodStart} max={beijingDate(0)} onValue={(day) => setPeriodStart(periodStartOf(kind, day || beijingDate(0)))} required />
        <button type="submit" className="primary" disabled={generate.busy}>
          {t('bulletin.generate')}
        </button>
      </form>
      <ErrorMessage error={generate.error ?? list.error} />
      <DataTable testId="bulletin-list" columns={columns} rows={list.data} rowKey={(b) => b.id} rowData={(b) => ({ 'data-bulletin-id': b.id, 'data-period-start': b.periodStart })} />
    </section>
  );
}
