import { useCallback, useMemo, useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { Chart } from '../components/chart';
import { ErrorMessage } from '../components/error-message';
import { beijingDate, beijingDayStart, percent, StatusBadge } from '../components/labels';
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
  triage: { colour: Colour; complexity: string; statutoryPath: string; reason: string; reasonEn: string; overridden: boolean } | null;
}
/** 四色预警 (and green for the routine): routing's triage colour, as the jurisdiction's policy assigns it. */
type Colour = 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE' | 'GREEN';
const COLOURS: Colour[] = ['RED', 'ORANGE', 'YELLOW', 'BLUE', 'GREEN'];
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
  const [error, setError] = useState<unknown>();
  return (
    <form
      className="actions"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await gql(REASSIGN, { id: row.id, to: to.trim(), reason: reason.trim() });
          onDone();
        } catch (err) {
          setError(err);
        }
      }}
    >
      <input placeholder={t('board.toUnitCode')} value={to} onChange={(e) => setTo(e.target.value)} required style={{ width: '10rem' }} />
      <input placeholder={t('common.reason')} value={reason} onChange={(e) => setReason(e.target.value)} required style={{ width: '12rem' }} />
      <button type="submit">{t('board.reassign')}</button>
      <ErrorMessage error={error} />
    </form>
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
  const stats: [string, string, number | undefined][] = [
    ['overdue', t('board.overdue'), d?.overdue.overdue],
    ['near-overdue', t('board.nearOverdue'), d?.overdue.nearOverdue],
    ['received', tEnum('status', 'RECEIVED'), d?.received.totalCount],
    ['in-progress', `${tEnum('status', 'ASSIGNED')} / ${tEnum('status', 'IN_PROGRESS')}`, d ? d.assigned.totalCount + d.inProgress.totalCount : undefined],
    ['replied', tEnum('status', 'REPLIED'), d?.replied.totalCount],
  ];
  const latestRows = d?.latest.edges.map((e) => e.node) ?? [];
  const colourCounts = COLOURS.map((c) => [c, d ? latestRows.filter((g) => OPEN_STATUSES.has(g.status) && g.triage?.colour === c).length : undefined] as const);
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

  return (
    <div>
      <div className="toolbar">
        <h1 style={{ margin: 0, flex: 1 }}>{t('board.title')}</h1>
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
          <div key={colour} className={`stat ${colour.toLowerCase()}`} data-colour={colour}>
            <span className="n">{n ?? '…'}</span>
            <span>{tEnum('colour', colour)}</span>
          </div>
        ))}
        <div className="stat" data-colour="none">
          <span className="n">{d ? untriaged : '…'}</span>
          <span>{t('board.untriaged')}</span>
        </div>
      </div>
      <div className="stats" data-testid="board-stats">
        {stats.map(([key, label, n]) => (
          <div key={key} className={`stat${key === 'overdue' ? ' red' : key === 'near-overdue' ? ' orange' : ''}`}>
            <span className="n">{n ?? '…'}</span>
            <span>{label}</span>
          </div>
        ))}
      </div>
      {WARNING_READERS.has(role) && <EarlyWarningsPanel canAcknowledge={WARNING_HANDLERS.has(role)} regionCode={vars.region} testId="board-warnings" />}
      <div className="board-grid">
        <section className="card">
          <h2>
            {t('board.latest')} <span className="muted">({d?.latest.totalCount ?? 0})</span>
          </h2>
          <div className="table-wrap">
            <table data-testid="latest-grievances">
              <thead>
                <tr>
                  <th>{t('board.warning')}</th>
                  <th>{t('common.trackingCode')}</th>
                  <th>{t('common.receivedAt')}</th>
                  <th>{t('common.channel')}</th>
                  <th>{t('common.region')}</th>
                  <th>{t('common.category')}</th>
                  <th>{t('common.status')}</th>
                  <th>{t('board.flags')}</th>
                </tr>
              </thead>
              <tbody>
                {d?.latest.edges.slice(0, 30).map(({ node: g }) => (
                  <tr key={g.id} data-tracking-code={g.trackingCode} data-colour={g.triage?.colour ?? ''}>
                    <td title={g.triage ? (lang === 'en' ? g.triage.reasonEn : g.triage.reason) : undefined}>
                      {g.triage ? (
                        <>
                          <span className={`dot ${g.triage.colour.toLowerCase()}`} />
                          {tEnum('colour', g.triage.colour)} · {tEnum('complexity', g.triage.complexity)}
                          {g.triage.overridden && <span className="muted"> {t('board.overridden')}</span>}
                        </>
                      ) : (
                        <span className="muted">{t('board.notTriaged')}</span>
                      )}
                    </td>
                    <td>
                      {fresh.has(g.trackingCode) && <span className="badge danger">{t('board.new')}</span>} {g.trackingCode}
                    </td>
                    <td>{formatDateTime(g.receivedAt)}</td>
                    <td>{tEnum('channel', g.channel)}</td>
                    <td>{g.regionCode}</td>
                    <td>{g.categoryCode ?? '—'}</td>
                    <td>
                      <StatusBadge prefix="status" value={g.status} />
                    </td>
                    <td>
                      {g.collective && <span className="badge warn">{t('board.collective', { n: g.headcount })}</span>} {g.repeatOf && <span className="badge">{t('board.repeat')}</span>}{' '}
                      {g.skipLevel && <span className="badge">{t('board.skipLevel')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
        <div className="table-wrap">
          <table data-testid="overdue-list">
            <thead>
              <tr>
                <th>{t('common.trackingCode')}</th>
                <th>{t('board.step')}</th>
                <th>{t('board.kind')}</th>
                <th>{t('board.due')}</th>
                <th>{t('board.used')}</th>
                <th>{t('board.unit')}</th>
                <th>{t('board.escalation')}</th>
              </tr>
            </thead>
            <tbody>
              {d?.overdue.items.map((i) => (
                <tr key={i.clockId}>
                  <td>{i.trackingCode ?? '—'}</td>
                  <td>{tEnum('step', i.step)}</td>
                  <td>
                    <span className={`dot ${i.kind === 'overdue' ? 'red' : 'orange'}`} />
                    {tEnum('boardKind', i.kind)}
                  </td>
                  <td>{formatDateTime(i.dueAt)}</td>
                  <td>{percent(i.shareUsed)}</td>
                  <td>{i.orgCode ?? '—'}</td>
                  <td>{i.escalationLevel}</td>
                </tr>
              ))}
              {d && d.overdue.items.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    {t('common.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>{t('board.queue')}</h2>
        <ErrorMessage error={queue.error} />
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('common.trackingCode')}</th>
                <th>{t('board.unit')}</th>
                <th>{t('common.status')}</th>
                <th>{t('common.updatedAt')}</th>
                <th>{t('board.reassign')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data?.assignmentQueue.edges.map(({ node: q }) => (
                <tr key={q.id}>
                  <td>{q.trackingCode}</td>
                  <td>{q.unitName}</td>
                  <td>
                    <StatusBadge prefix="assignment" value={q.status} tone="warn" />
                  </td>
                  <td>{formatDateTime(q.updatedAt)}</td>
                  <td>{q.status === 'AWAITING_REASSIGNMENT' ? <ReassignForm row={q} onDone={reloadAll} /> : <span className="muted">{t('board.disputeHint')}</span>}</td>
                </tr>
              ))}
              {queue.data && queue.data.assignmentQueue.edges.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('common.none')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>
      <p className="hint" lang={lang}>
        {t('board.colourNote')}
      </p>
    </div>
  );
}
