import { useCallback, useMemo, useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { Chart } from '../components/chart';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage } from '../components/error-message';
import { InlineForm } from '../components/form-fields';
import { Badge, beijingDate, beijingDayStart, Dot, percent, Stat, StatusBadge, TRIAGE_COLOURS, type TriageColour } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAsync } from '../components/use-async';
import { useLiveReload } from '../components/use-live-reload';
import { useI18n } from '../i18n';
import { EarlyWarningsPanel } from './supervision/early-warnings-panel';

/** Counts by stage, and the newest grievances, in the chosen region (the caller's own subtree is enforced by the API). */
const BOARD = `query ($region: String, $first: Int!) {
  received: grievances(first: 1, filter: { regionCode: $region, status: [RECEIVED] }) { totalCount }
  assigned: grievances(first: 1, filter: { regionCode: $region, status: [ASSIGNED] }) { totalCount }
  inProgress: grievances(first: 1, filter: { regionCode: $region, status: [IN_PROGRESS] }) { totalCount }
  replied: grievances(first: 1, filter: { regionCode: $region, status: [REPLIED] }) { totalCount }
  latest: grievances(first: $first, filter: { regionCode: $region }) {
    totalCount
    edges { node { id trackingCode status channel regionCode categoryCode headcount collective skipLevel { competentLevel } repeatOf receivedAt triage { colour complexity statutoryPath reason reasonEn overridden } } }
  }
  overdue: overdueBoard(filter: { regionCode: $region, kind: ALL, limit: 20 }) {
    overdue nearOverdue
    items { clockId trackingCode step kind state dueAt shareUsed escalationLevel orgCode regionCode }
  }
}`;

const QUEUE = `query { assignmentQueue(first: 20) { edges { node { id trackingCode unitCode unitName status role updatedAt } } } }`;
const REASSIGN = `mutation ($id: ID!, $to: String!, $reason: String!) { reassignAssignment(id: $id, toUnitCode: $to, reason: $reason) { id unitName } }`;

const LIVE_GRIEVANCES = `subscription ($region: String) { grievanceReceived(regionCode: $region) { trackingCode regionCode receivedAt } }`;
const LIVE_ASSIGNMENTS = `subscription ($region: String) { assignmentChanged(regionCode: $region) { trackingCode kind } }`;

const TREND_DAYS = 7;
const trendQuery = (days: string[]) =>
  `query ($region: String) { ${days
    .map((d, i) => `d${i}: grievances(first: 1, filter: { regionCode: $region, receivedFrom: "${beijingDayStart(d)}", receivedTo: "${beijingDayStart(nextDay(d))}" }) { totalCount }`)
    .join('\n')} }`;
const nextDay = (date: string) => new Date(Date.parse(`${date}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);
const BY_CATEGORY = `query ($filter: IndicatorFilter!) { indicators(filter: $filter) { key counts { received } backlog } }`;

interface GrievanceRow {
  id: string;
  trackingCode: string;
  status: string;
  channel: string;
  regionCode: string;
  categoryCode: string | null;
  headcount: number;
  collective: boolean;
  skipLevel: { competentLevel: string } | null;
  repeatOf: string | null;
  receivedAt: string;
  /** Routing's triage colour, as the jurisdiction's policy assigns it. */
  triage: { colour: TriageColour; complexity: string; statutoryPath: string; reason: string; reasonEn: string; overridden: boolean } | null;
}
/** Grievances still open: a replied, closed or withdrawn one no longer needs the warning. */
const OPEN_STATUSES = new Set(['RECEIVED', 'ASSIGNED', 'IN_PROGRESS']);
/** One page of the newest grievances is what the colours are counted over (one triage request: at most 100). */
const BOARD_PAGE = 100;
interface OverdueItem {
  clockId: string;
  trackingCode: string | null;
  step: string;
  kind: string;
  state: string;
  dueAt: string;
  shareUsed: number;
  escalationLevel: number;
  orgCode: string | null;
  regionCode: string | null;
}
interface BoardData {
  received: { totalCount: number };
  assigned: { totalCount: number };
  inProgress: { totalCount: number };
  replied: { totalCount: number };
  latest: { totalCount: number; edges: { node: GrievanceRow }[] };
  overdue: { overdue: number; nearOverdue: number; items: OverdueItem[] };
}
interface QueueRow {
  id: string;
  trackingCode: string;
  unitCode: string;
  unitName: string;
  status: string;
  role: string;
  updatedAt: string;
}

function ReassignForm({ row, onDone }: { row: QueueRow; onDone: () => void }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  return (
    <InlineForm
      label={t('board.reassign')}
      busy={action.busy}
      error={action.error}
      onSubmit={async () => {
        if (await action.run(() => gql(REASSIGN, { id: row.id, to: to.trim(), reason: reason.trim() }))) onDone();
      }}
    >
      <input placeholder={t('board.toUnitCode')} value={to} onChange={(e) => setTo(e.target.value)} required style={{ width: '10rem' }} />
      <input placeholder={t('common.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required style={{ width: '12rem' }} />
    </InlineForm>
  );
}

/** 苗头预警 is read by these roles and acknowledged by all but the administrator (the API enforces the same). */
const WARNING_READERS = new Set(['COMMAND_OPERATOR', 'SUPERVISOR', 'LEADER', 'ADMINISTRATOR']);
const WARNING_HANDLERS = new Set(['COMMAND_OPERATOR', 'SUPERVISOR', 'LEADER']);

/** 指挥中心: counts by stage, overdue and near-overdue, the newest grievances (live), trends, and the queue to reassign. */
export function BoardPage() {
  const { t, tEnum, formatDateTime, lang } = useI18n();
  const [regionInput, setRegionInput] = useState(() => loadSession()?.user.regionCode ?? '');
  const [region, setRegion] = useState(regionInput);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const role = loadSession()?.user.role ?? '';
  const vars = { region: region.trim() || null };

  const board = useAsync(() => gql<BoardData>(BOARD, { ...vars, first: BOARD_PAGE }), [region]);
  const queue = useAsync(() => gql<{ assignmentQueue: { edges: { node: QueueRow }[] } }>(QUEUE), []);
  const days = useMemo(() => Array.from({ length: TREND_DAYS }, (_, i) => beijingDate(TREND_DAYS - 1 - i)), []);
  const trend = useAsync(() => gql<Record<string, { totalCount: number }>>(trendQuery(days), vars), [region]);
  const byCategory = useAsync(
    () => gql<{ indicators: { key: string | null; counts: { received: number }; backlog: number }[] }>(BY_CATEGORY, { filter: { from: beijingDate(29), to: beijingDate(0), groupBy: 'CATEGORY', ...(vars.region ? { regionCode: vars.region } : {}) } }),
    [region],
  );

  const { reload: reloadBoard } = board;
  const { reload: reloadQueue } = queue;
  const { reload: reloadTrend } = trend;
  const reloadAll = useCallback(() => {
    void reloadBoard();
    void reloadQueue();
    void reloadTrend();
  }, [reloadBoard, reloadQueue, reloadTrend]);
  const live = useLiveReload(
    reloadAll,
    [
      { query: LIVE_GRIEVANCES, variables: vars },
      { query: LIVE_ASSIGNMENTS, variables: vars },
    ],
    {
      key: region,
      onEvent: (data) => {
        const code = (data as { grievanceReceived?: { trackingCode: string } }).grievanceReceived?.trackingCode;
        if (code) setFresh((s) => new Set(s).add(code));
      },
    },
  );

  const d = board.data;
  const stats: [string, string, number | undefined, string?][] = [
    ['overdue', t('board.overdue'), d?.overdue.overdue, 'red'],
    ['near-overdue', t('board.nearOverdue'), d?.overdue.nearOverdue, 'orange'],
    ['received', tEnum('status', 'RECEIVED'), d?.received.totalCount],
    ['in-progress', `${tEnum('status', 'ASSIGNED')} / ${tEnum('status', 'IN_PROGRESS')}`, d ? d.assigned.totalCount + d.inProgress.totalCount : undefined],
    ['replied', tEnum('status', 'REPLIED'), d?.replied.totalCount],
  ];
  const latestRows = d?.latest.edges.map((e) => e.node) ?? [];
  const colourCounts = TRIAGE_COLOURS.map((c) => [c, d ? latestRows.filter((g) => OPEN_STATUSES.has(g.status) && g.triage?.colour === c).length : undefined] as const);
  const untriaged = latestRows.filter((g) => OPEN_STATUSES.has(g.status) && !g.triage).length;

  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 36, right: 12, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: days.map((x) => x.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('board.receivedPerDay'), type: 'line', areaStyle: {}, data: days.map((_, i) => trend.data?.[`d${i}`]?.totalCount ?? 0) }],
    }),
    [days, trend.data, t],
  );
  const categoryOption = useMemo(() => {
    const rows = [...(byCategory.data?.indicators ?? [])].sort((a, b) => b.counts.received - a.counts.received).slice(0, 8);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 16, top: 10, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.key ?? t('board.uncategorised')) },
      series: [{ name: t('board.receivedIn30Days'), type: 'bar', data: rows.map((r) => r.counts.received) }],
    };
  }, [byCategory.data, t]);

  const latestColumns: Column<GrievanceRow>[] = [
    {
      header: t('board.warning'),
      title: (g) => (g.triage ? (lang === 'en' ? g.triage.reasonEn : g.triage.reason) : undefined),
      cell: (g) =>
        g.triage ? (
          <>
            <Dot colour={g.triage.colour} />
            {tEnum('colour', g.triage.colour)} · {tEnum('complexity', g.triage.complexity)}
            {g.triage.overridden && <span className="muted"> {t('board.overridden')}</span>}
          </>
        ) : (
          <span className="muted">{t('board.notTriaged')}</span>
        ),
    },
    {
      header: t('common.trackingCode'),
      cell: (g) => (
        <>
          {fresh.has(g.trackingCode) && <Badge tone="danger">{t('board.new')}</Badge>} {g.trackingCode}
        </>
      ),
    },
    { header: t('common.receivedAt'), cell: (g) => formatDateTime(g.receivedAt) },
    { header: t('common.channel'), cell: (g) => tEnum('channel', g.channel) },
    { header: t('common.region'), cell: (g) => g.regionCode },
    { header: t('common.category'), cell: (g) => g.categoryCode ?? '—' },
    { header: t('common.status'), cell: (g) => <StatusBadge prefix="status" value={g.status} /> },
    {
      header: t('board.flags'),
      cell: (g) => (
        <>
          {g.collective && <Badge tone="warn">{t('board.collective', { n: g.headcount })}</Badge>} {g.repeatOf && <Badge>{t('board.repeat')}</Badge>} {g.skipLevel && <Badge>{t('board.skipLevel')}</Badge>}
        </>
      ),
    },
  ];
  const overdueColumns: Column<OverdueItem>[] = [
    { header: t('common.trackingCode'), cell: (i) => i.trackingCode ?? '—' },
    { header: t('board.step'), cell: (i) => tEnum('step', i.step) },
    {
      header: t('board.kind'),
      cell: (i) => (
        <>
          <Dot colour={i.kind === 'overdue' ? 'red' : 'orange'} />
          {tEnum('boardKind', i.kind)}
        </>
      ),
    },
    { header: t('board.due'), cell: (i) => formatDateTime(i.dueAt) },
    { header: t('board.used'), cell: (i) => percent(i.shareUsed) },
    { header: t('board.unit'), cell: (i) => i.orgCode ?? '—' },
    { header: t('board.escalation'), cell: (i) => i.escalationLevel },
  ];
  const queueColumns: Column<QueueRow>[] = [
    { header: t('common.trackingCode'), cell: (q) => q.trackingCode },
    { header: t('board.unit'), cell: (q) => q.unitName },
    { header: t('common.status'), cell: (q) => <StatusBadge prefix="assignment" value={q.status} tone="warn" /> },
    { header: t('common.updatedAt'), cell: (q) => formatDateTime(q.updatedAt) },
    { header: t('board.reassign'), cell: (q) => (q.status === 'AWAITING_REASSIGNMENT' ? <ReassignForm row={q} onDone={reloadAll} /> : <span className="muted">{t('board.disputeHint')}</span>) },
  ];

  return (
    <div>
      <div className="toolbar">
        <h1>{t('board.title')}</h1>
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            setRegion(regionInput);
          }}
        >
          <label>
            {t('board.region')}
            <input name="region" value={regionInput} onChange={(e) => setRegionInput(e.target.value)} placeholder="330621" />
          </label>
          <button type="submit">{t('common.apply')}</button>
        </form>
        <span className={`live${live ? ' on' : ''}`} data-testid="live-status">
          {live ? t('board.live') : t('board.polling')}
        </span>
      </div>
      <ErrorMessage error={board.error} />
      <div className="stats" data-testid="colour-stats">
        {colourCounts.map(([colour, n]) => (
          <Stat key={colour} n={n} label={tEnum('colour', colour)} colour={colour.toLowerCase()} colourKey={colour} />
        ))}
        <Stat n={d ? untriaged : undefined} label={t('board.untriaged')} colourKey="none" />
      </div>
      <div className="stats" data-testid="board-stats">
        {stats.map(([key, label, n, colour]) => (
          <Stat key={key} n={n} label={label} colour={colour} />
        ))}
      </div>
      {WARNING_READERS.has(role) && <EarlyWarningsPanel canAcknowledge={WARNING_HANDLERS.has(role)} regionCode={vars.region} testId="board-warnings" />}
      <div className="board-grid">
        <section className="card">
          <h2>
            {t('board.latest')} <span className="muted">({d?.latest.totalCount ?? 0})</span>
          </h2>
          <DataTable testId="latest-grievances" columns={latestColumns} rows={d?.latest.edges.slice(0, 30).map((e) => e.node)} rowKey={(g) => g.id} rowData={(g) => ({ 'data-tracking-code': g.trackingCode, 'data-colour': g.triage?.colour ?? '' })} />
        </section>
        <div>
          <section className="card">
            <h2>{t('board.trend')}</h2>
            <Chart option={trendOption} label={t('board.trend')} testId="trend-chart" />
          </section>
          <section className="card">
            <h2>{t('board.byCategory')}</h2>
            <ErrorMessage error={byCategory.error} />
            <Chart option={categoryOption} label={t('board.byCategory')} />
          </section>
        </div>
      </div>
      <section className="card">
        <h2>{t('board.deadlines')}</h2>
        <DataTable testId="overdue-list" columns={overdueColumns} rows={d?.overdue.items} rowKey={(i) => i.clockId} />
      </section>
      <section className="card">
        <h2>{t('board.queue')}</h2>
        <ErrorMessage error={queue.error} />
        <DataTable columns={queueColumns} rows={queue.data?.assignmentQueue.edges.map((e) => e.node)} rowKey={(q) => q.id} />
      </section>
      <p className="hint" lang={lang}>
        {t('board.colourNote')}
      </p>
    </div>
  );
}
