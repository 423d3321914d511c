import { useMemo, useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { Chart } from '../components/chart';
import { ErrorMessage } from '../components/error-message';
import { beijingDate, percent } from '../components/labels';
import { useAsync } from '../components/use-async';
import { useI18n, type MessageKey } from '../i18n';
import { navigate, useLocation } from '../router';
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
interface Data {
  total: IndicatorRow[];
  grouped: IndicatorRow[];
  overdue: { overdue: number; nearOverdue: number; items: { clockId: string; trackingCode: string | null; step: string; dueAt: string; shareUsed: number; escalationLevel: number; escalatedTo: string | null; orgCode: string | null }[] };
}

const RATES: [keyof Rates, MessageKey][] = [
  ['responseRate', 'supervisor.responseRate'],
  ['resolutionRate', 'supervisor.resolutionRate'],
  ['satisfactionRate', 'supervisor.satisfactionRate'],
  ['onTimeRate', 'supervisor.onTimeRate'],
  ['repeatRate', 'supervisor.repeatRate'],
];
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
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** Indicators for a period (响应率、解决率、满意率、按期办结率), grouped, with the ledger download, and what is overdue. */
function IndicatorsTab() {
  const { t, tEnum, formatDateTime } = useI18n();
  const [days, setDays] = useState(30);
  const [groupBy, setGroupBy] = useState('REGION');
  const period = { from: beijingDate(days - 1), to: beijingDate(0) };
  const data = useAsync(() => gql<Data>(INDICATORS, { total: { ...period, groupBy: 'NONE' }, grouped: { ...period, groupBy } }), [days, groupBy]);
  const total = data.data?.total[0];
  const grouped = data.data?.grouped ?? [];

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

  return (
    <div>
      <div className="toolbar">
        <h1 style={{ margin: 0, flex: 1 }}>{t('supervisor.title')}</h1>
        <label>
          {t('supervisor.period')}
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {[7, 30, 90, 365].map((d) => (
              <option key={d} value={d}>
                {t('supervisor.lastDays', { n: d })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('supervisor.groupBy')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            {['REGION', 'UNIT', 'CATEGORY'].map((g) => (
              <option key={g} value={g}>
                {tEnum('group', g)}
              </option>
            ))}
          </select>
        </label>
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
          <div key={k} className="stat">
            <span className="n">{percent(total?.rates[k])}</span>
            <span>{t(label)}</span>
          </div>
        ))}
        <div className="stat red">
          <span className="n">{data.data?.overdue.overdue ?? '…'}</span>
          <span>{t('board.overdue')}</span>
        </div>
        <div className="stat">
          <span className="n">{total?.backlog ?? '…'}</span>
          <span>{t('supervisor.backlog')}</span>
        </div>
      </div>
      <section className="card">
        <h2>{t('supervisor.byGroup')}</h2>
        <Chart option={option} label={t('supervisor.byGroup')} />
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('supervisor.key')}</th>
                {COUNTS.map(([k, l]) => (
                  <th key={k}>{t(l)}</th>
                ))}
                <th>{t('supervisor.backlog')}</th>
                {RATES.map(([k, l]) => (
                  <th key={k}>{t(l)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grouped.map((r) => (
                <tr key={r.key ?? '-'}>
                  <td>{r.key ?? '—'}</td>
                  {COUNTS.map(([k]) => (
                    <td key={k}>{r.counts[k] ?? 0}</td>
                  ))}
                  <td>{r.backlog}</td>
                  {RATES.map(([k]) => (
                    <td key={k}>{percent(r.rates[k])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>{t('supervisor.overdueList')}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('common.trackingCode')}</th>
                <th>{t('board.step')}</th>
                <th>{t('board.due')}</th>
                <th>{t('board.used')}</th>
                <th>{t('board.unit')}</th>
                <th>{t('board.escalation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.data?.overdue.items.map((i) => (
                <tr key={i.clockId}>
                  <td>{i.trackingCode ?? '—'}</td>
                  <td>{tEnum('step', i.step)}</td>
                  <td>{formatDateTime(i.dueAt)}</td>
                  <td>{percent(i.shareUsed)}</td>
                  <td>{i.orgCode ?? '—'}</td>
                  <td>
                    {i.escalationLevel} {i.escalatedTo && `· ${tEnum('escalatedTo', i.escalatedTo)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

const TABS = ['indicators', 'notices', 'extensions', 'backlog', 'campaigns', 'bulletins', 'warnings'] as const;
type Tab = (typeof TABS)[number];
/** Supervisors and leaders act; an administrator reads (the API enforces the same). */
const ACTORS = new Set(['SUPERVISOR', 'LEADER']);

/** 督查督办: indicators, 督办单, 延期审批, 积案与包案, 专项治理, 通报 with 台账, 苗头预警 — one tab each (?tab= keeps it on reload). */
export function SupervisorPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const asked = query.get('tab') as Tab | null;
  const acts = ACTORS.has(loadSession()?.user.role ?? '');
  const tabs = TABS.filter((x) => acts || x !== 'extensions');
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'indicators';
  return (
    <div>
      <nav className="tabs" data-testid="supervisor-tabs">
        {tabs.map((x) => (
          <button key={x} type="button" className={x === tab ? 'active' : undefined} data-tab={x} onClick={() => navigate(x === 'indicators' ? '/supervisor' : `/supervisor?tab=${x}`)}>
            {t(`supervisor.tab.${x}` as MessageKey)}
          </button>
        ))}
      </nav>
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
