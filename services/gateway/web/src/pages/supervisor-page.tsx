import { useMemo, useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { Chart } from '../components/chart';
import { DataTable, type Column } from '../components/data-table';
import { saveBlob } from '../components/download';
import { ErrorMessage } from '../components/error-message';
import { EnumSelect, Field } from '../components/form-fields';
import { beijingDate, percent, Stat } from '../components/labels';
import { TabNav, useTab } from '../components/tabs';
import { useAsync } from '../components/use-async';
import { useI18n, type MessageKey } from '../i18n';
import { BacklogSection } from './supervision/backlog-section';
import { BulletinsSection } from './supervision/bulletins-section';
import { CampaignsSection } from './supervision/campaigns-section';
import { EarlyWarningsPanel } from './supervision/early-warnings-panel';
import { ExtensionDecision } from './supervision/extension-decision';
import { NoticesSection } from './supervision/notices-section';

const INDICATORS = `query ($total: IndicatorFilter!, $grouped: IndicatorFilter!) {
  total: indicators(filter: $total) { ...row }
  grouped: indicators(filter: $grouped) { ...row }
  overdue: overdueBoard(filter: { kind: OVERDUE, limit: 50 }) { overdue nearOverdue items { clockId trackingCode step dueAt shareUsed escalationLevel escalatedTo orgCode } }
}
fragment row on IndicatorRow {
  key backlog overdueCount
  counts { received repeats assigned responded replied repliedOnTime repliedLate evaluated satisfied basicallySatisfied notSatisfied resolved closed breached }
  rates { responseRate resolutionRate satisfactionRate onTimeRate repeatRate }
}`;

type Rates = { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null; onTimeRate: number | null; repeatRate: number | null };
interface IndicatorRow {
  key: string | null;
  backlog: number;
  overdueCount: number;
  counts: Record<string, number>;
  rates: Rates;
}
interface OverdueItem {
  clockId: string;
  trackingCode: string | null;
  step: string;
  dueAt: string;
  shareUsed: number;
  escalationLevel: number;
  escalatedTo: string | null;
  orgCode: string | null;
}
interface Data {
  total: IndicatorRow[];
  grouped: IndicatorRow[];
  overdue: { overdue: number; nearOverdue: number; items: OverdueItem[] };
}

const RATES: [keyof Rates, MessageKey][] = [
  ['responseRate', 'supervisor.responseRate'],
  ['resolutionRate', 'supervisor.resolutionRate'],
  ['satisfactionRate', 'supervisor.satisfactionRate'],
  ['onTimeRate', 'supervisor.onTimeRate'],
  ['repeatRate', 'supervisor.repeatRate'],
];
const GROUPS = ['REGION', 'UNIT', 'CATEGORY'];
const COUNTS: [string, MessageKey][] = [
  ['received', 'supervisor.received'],
  ['replied', 'supervisor.replied'],
  ['repliedLate', 'supervisor.repliedLate'],
  ['evaluated', 'supervisor.evaluated'],
  ['closed', 'supervisor.closed'],
  ['breached', 'supervisor.breached'],
];

/** 台账: the indicator rows as a CSV file (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
function downloadCsv(rows: IndicatorRow[], header: string[], name: string): void {
  const lines = [header, ...rows.map((r) => [r.key ?? '', ...COUNTS.map(([k]) => String(r.counts[k] ?? 0)), String(r.backlog), ...RATES.map(([k]) => (r.rates[k] === null ? '' : r.rates[k]!.toFixed(4)))])];
  const csv = lines.map((l) => l.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  saveBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), name);
}

/** Indicators for a period (响应率、解决率、满意率、按期办结率), grouped, with the ledger download, and what is overdue. */
function IndicatorsTab() {
  const { t, tEnum, formatDateTime } = useI18n();
  const [days, setDays] = useState(30);
  const [groupBy, setGroupBy] = useState('REGION');
  const period = { from: beijingDate(days - 1), to: beijingDate(0) };
  const data = useAsync(() => gql<Data>(INDICATORS, { total: { ...period, groupBy: 'NONE' }, grouped: { ...period, groupBy } }), [days, groupBy]);
  const total = data.data?.total[0];
  const grouped = useMemo(() => data.data?.grouped ?? [], [data.data]);

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 12, top: 36, bottom: 60 },
      xAxis: { type: 'category', data: grouped.map((r) => r.key ?? '—'), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: RATES.slice(0, 4).map(([k, label]) => ({ name: t(label), type: 'bar', data: grouped.map((r) => (r.rates[k] === null ? null : Math.round(r.rates[k]! * 100))) })),
    }),
    [grouped, t],
  );

  const groupColumns: Column<IndicatorRow>[] = [
    { header: t('supervisor.key'), cell: (r) => r.key ?? '—' },
    ...COUNTS.map(([k, l]): Column<IndicatorRow> => ({ header: t(l), cell: (r) => r.counts[k] ?? 0 })),
    { header: t('supervisor.backlog'), cell: (r) => r.backlog },
    ...RATES.map(([k, l]): Column<IndicatorRow> => ({ header: t(l), cell: (r) => percent(r.rates[k]) })),
  ];
  const overdueColumns: Column<OverdueItem>[] = [
    { header: t('common.trackingCode'), cell: (i) => i.trackingCode ?? '—' },
    { header: t('board.step'), cell: (i) => tEnum('step', i.step) },
    { header: t('board.due'), cell: (i) => formatDateTime(i.dueAt) },
    { header: t('board.used'), cell: (i) => percent(i.shareUsed) },
    { header: t('board.unit'), cell: (i) => i.orgCode ?? '—' },
    { header: t('board.escalation'), cell: (i) => `${i.escalationLevel} ${i.escalatedTo ? `· ${tEnum('escalatedTo', i.escalatedTo)}` : ''}` },
  ];

  return (
    <div>
      <div className="toolbar">
        <h1>{t('supervisor.title')}</h1>
        <Field label={t('supervisor.period')}>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 30, 90, 365].map((d) => (
              <option key={d} value={d}>
                {t('supervisor.lastDays', { n: d })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('supervisor.groupBy')}>
          <EnumSelect prefix="group" values={GROUPS} value={groupBy} onValue={setGroupBy} />
        </Field>
        <button
          type="button"
          disabled={!grouped.length}
          onClick={() => downloadCsv(grouped, [t('supervisor.key'), ...COUNTS.map(([, l]) => t(l)), t('supervisor.backlog'), ...RATES.map(([, l]) => t(l))], `indicators-${period.from}-${period.to}.csv`)}
        >
          {t('supervisor.download')}
        </button>
      </div>
      <ErrorMessage error={data.error} />
      <div className="stats" data-testid="indicator-rates">
        {RATES.map(([k, label]) => (
          <Stat key={k} n={percent(total?.rates[k])} label={t(label)} />
        ))}
        <Stat n={data.data?.overdue.overdue} label={t('board.overdue')} colour="red" />
        <Stat n={total?.backlog} label={t('supervisor.backlog')} />
      </div>
      <section className="card">
        <h2>{t('supervisor.byGroup')}</h2>
        <Chart option={option} label={t('supervisor.byGroup')} />
        <DataTable columns={groupColumns} rows={data.data?.grouped} rowKey={(r) => r.key ?? '-'} />
      </section>
      <section className="card">
        <h2>{t('supervisor.overdueList')}</h2>
        <DataTable columns={overdueColumns} rows={data.data?.overdue.items} rowKey={(i) => i.clockId} />
      </section>
    </div>
  );
}

const TABS = ['indicators', 'notices', 'extensions', 'backlog', 'campaigns', 'bulletins', 'warnings'] as const;
/** Supervisors and leaders act; an administrator reads (the API enforces the same). */
const ACTORS = new Set(['SUPERVISOR', 'LEADER']);

/** 督查督办: indicators, 督办单, 延期审批, 积案与包案, 专项治理, 通报 with 台账, 苗头预警 — one tab each (?tab= keeps it on reload). */
export function SupervisorPage() {
  const { t } = useI18n();
  const acts = ACTORS.has(loadSession()?.user.role ?? '');
  const tabs = TABS.filter((x) => acts || x !== 'extensions');
  const tab = useTab(tabs);
  return (
    <div>
      <TabNav tabs={tabs} current={tab} path="/supervisor" testId="supervisor-tabs" label={(x) => t(`supervisor.tab.${x}` as MessageKey)} />
      {tab === 'indicators' && <IndicatorsTab />}
      {tab === 'notices' && <NoticesSection canIssue={acts} />}
      {tab === 'extensions' && <ExtensionDecision />}
      {tab === 'backlog' && <BacklogSection canAssign={acts} />}
      {tab === 'campaigns' && <CampaignsSection canManage={acts} />}
      {tab === 'bulletins' && <BulletinsSection />}
      {tab === 'warnings' && <EarlyWarningsPanel canAcknowledge={acts} testId="supervisor-warnings" />}
    </div>
  );
}
