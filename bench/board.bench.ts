/**
 * Board benchmark: the supervision service's board queries over a county's worth of grievances
 * (DESIGN: p95 ≤ 50 ms over a million, from maintained projections, not scans).
 *
 * Creates a throw-away PostgreSQL database, runs supervision's migrations on it, loads N
 * grievances into supervision's projection tables set-based (the demo county's regions, the
 * default classification list's categories and lead units, statuses open / near-overdue /
 * overdue / closed, receipts over two years), ANALYZEs, then drives the readers the service
 * serves — the overdue / near-overdue board, the indicators, the backlog (积案) list and one
 * case's deadlines — with a mix of filters (county, town, unit, category; page 1 and a deep keyset
 * page) at a fixed concurrency for a fixed time. Prints p50 / p95 / p99 per query kind and overall,
 * as JSON and as a table. The database is dropped at the end unless `--keep`; `--db NAME` names it,
 * and reuses it when it exists (its migrations are brought up to date, its rows are kept).
 *
 *   node -r ./scripts/register-paths.cjs dist/bench/board.bench.js --grievances 1000000 --seconds 20 --concurrency 4 --keep
 *   node -r ./scripts/register-paths.cjs dist/bench/board.bench.js --db ykb_bench_board_1m --seconds 20 --keep
 *   node -r ./scripts/register-paths.cjs dist/bench/board.bench.js --db ykb_bench_board_1m --only board,backlog --keep
 */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runMigrations } from '@yikouban/persistence';
import type { OverdueBoardQuery } from '@yikouban/contracts';
import { DEFAULT_CLASSIFICATION_LIST } from '../services/routing/src/classification/default-classification-list';
import { DEMO_COUNTY_CODE, DEMO_REGIONS } from '../services/routing/src/directory/demo-county';
import { DEV_SUPERVISION_PII_KEYS } from '../services/supervision/src/config/supervision.config';
import { supervisionDataSourceOptions, SUPERVISION_SCHEMA } from '../services/supervision/src/database/data-source';
import { BoardReader } from '../services/supervision/src/indicators/board-reader';
import { IndicatorReader } from '../services/supervision/src/indicators/indicator-reader';
import { CaseOwnershipService } from '../services/supervision/src/oversight/case-ownership.service';
import { arg, textArg, percentile } from './support/cli';

const PG_ADMIN_URL = process.env.YKB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY_MS = 24 * 60 * 60 * 1000;

function dbUrl(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(run: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** Beijing civil date of an instant, as the indicator tallies key their days. */
const civilDay = (at: Date) => new Date(at.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);

/**
 * Where grievances come from: the county's villages and grids, the urban towns (城关, 东湖) and
 * communities weighing more, as a list with repeats so one random index picks with that weight.
 */
function weightedRegions(): string[] {
  const out: string[] = [];
  for (const r of DEMO_REGIONS) {
    if (r.level !== 'village' && r.level !== 'grid') continue;
    const town = r.code.slice(0, 9);
    const urban = town === `${DEMO_COUNTY_CODE}101` || town === `${DEMO_COUNTY_CODE}102`;
    const weight = (urban ? 3 : 1) * (r.level === 'grid' ? 2 : 1);
    for (let i = 0; i < weight; i++) out.push(r.code);
  }
  return out;
}

/** Categories with a long tail (a few take most grievances), each with its lead: a county department or the town. */
function weightedCategories(): { codes: string[]; leads: string[] } {
  const codes: string[] = [];
  const leads: string[] = [];
  DEFAULT_CLASSIFICATION_LIST.forEach((c, rank) => {
    const weight = Math.max(1, Math.round(24 / (1 + rank / 3)));
    for (let i = 0; i < weight; i++) {
      codes.push(c.code);
      // '' marks a town-led category: the town government of the grievance's town leads it.
      leads.push(c.handledAtTownLevel ? '' : `dept_${c.leadDepartmentType}`);
    }
  });
  return { codes, leads };
}

/** Loads `n` grievances set-based; returns seconds per step. */
async function load(url: string, n: number, now: Date): Promise<Record<string, number>> {
  const c = new Client({ connectionString: url, options: `-c search_path=${SUPERVISION_SCHEMA},public` });
  await c.connect();
  const timings: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    await c.query(sql, params);
    timings[name] = +((performance.now() - t0) / 1000).toFixed(1);
    console.error(`  ${name}: ${timings[name]} s`);
  };
  try {
    await c.query("SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'");
    const regions = weightedRegions();
    const { codes, leads } = weightedCategories();
    // One row per grievance with its status and instants. Statuses: 90 % closed, 5 % open within the
    // first half of the handling period, 3 % near-overdue (past a warning share), 2 % overdue; the
    // overdue ones are mostly recent, a tail reaches back two years (积案).
    await step(
      'grievances',
      `CREATE UNLOGGED TABLE bench_grievance AS
       WITH base AS (
         SELECT g, random() AS rs, random() AS ra, random() AS rr,
                ($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int] AS region_code,
                1 + floor(random() * array_length($2::text[], 1))::int AS ci
           FROM generate_series(1, $4::int) g
       ), st AS (
         SELECT *, CASE WHEN rs < 0.90 THEN 'closed' WHEN rs < 0.95 THEN 'open' WHEN rs < 0.98 THEN 'near' ELSE 'overdue' END AS status FROM base
       ), dated AS (
         SELECT *, $5::timestamptz - make_interval(secs => 86400 * CASE status
                   WHEN 'closed' THEN 5 + ra * 725
                   WHEN 'open' THEN ra * 29.9
                   WHEN 'near' THEN 30 + ra * 29.9
                   ELSE 60.1 + power(ra, 3) * 670 END) AS started_at
           FROM st
       )
       SELECT g, md5('g' || g)::uuid AS grievance_id, 'QC' || lpad(g::text, 10, '0') AS tracking_code, region_code,
              ($2::text[])[ci] AS category_code,
              CASE WHEN ($3::text[])[ci] = '' THEN 'town_' || left(region_code, 9) ELSE ($3::text[])[ci] END AS org_code,
              status, rr, started_at, started_at + interval '60 days' AS due_at,
              started_at - make_interval(secs => 86400 * rr * 3) AS received_at,
              CASE WHEN status = 'closed' THEN LEAST(started_at + make_interval(secs => 86400 * (3 + rr * 55)), $5::timestamptz) END AS stopped_at
         FROM dated`,
      [regions, codes, leads, n, now],
    );
    await step(
      'supervised_case',
      `INSERT INTO supervised_case (grievance_id, tracking_code, region_code, org_code, category_code, open, received_at, updated_at,
                                    category_from_triage, registration_decided_at, registration_decision)
       SELECT grievance_id, tracking_code, region_code, org_code, category_code, status <> 'closed', received_at, COALESCE(stopped_at, started_at),
              rr < 0.6, started_at, 'routing.assignment.created ' || grievance_id
         FROM bench_grievance ORDER BY grievance_id`,
    );
    // Two clocks a grievance: registration (stopped at the assignment) and handling (by status).
    // A few open ones are paused (补充材料), overdue ones are breached and escalated.
    const stamp = (at: string) => `to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    await step(
      'clocks',
      `INSERT INTO clock (id, grievance_id, subject_id, step, policy_code, state, started_at, due_at, history, warn_shares, warnings_sent,
                          escalation_level, next_alarm_at, stopped_at, region_code, awaiting_receipt)
       SELECT md5('r' || g)::uuid, grievance_id, grievance_id, 'registration', 'registration_transfer_15d', 'stopped', received_at,
              received_at + interval '15 days',
              jsonb_build_array(jsonb_build_object('at', ${stamp('received_at')}, 'change', 'started', 'cause', 'intake.grievance.received ' || grievance_id),
                                jsonb_build_object('at', ${stamp('started_at')}, 'change', 'stopped', 'cause', 'routing.assignment.created ' || grievance_id)),
              '{0.5,0.8}'::real[], 0, 0, NULL, started_at, region_code, false
         FROM bench_grievance
       UNION ALL
       SELECT md5('h' || g)::uuid, grievance_id, md5('a' || g)::uuid, 'handling', 'handling_60d', s.state, started_at, due_at,
              jsonb_build_array(jsonb_build_object('at', ${stamp('started_at')}, 'change', 'started', 'cause', 'routing.assignment.created ' || grievance_id))
                || CASE s.state WHEN 'stopped' THEN jsonb_build_array(jsonb_build_object('at', ${stamp('stopped_at')}, 'change', 'stopped', 'cause', 'routing.assignment.replied ' || grievance_id))
                                WHEN 'breached' THEN jsonb_build_array(jsonb_build_object('at', ${stamp('due_at')}, 'change', 'breached', 'cause', 'sweeper'))
                                ELSE '[]'::jsonb END,
              '{0.5,0.8}'::real[], s.warnings, CASE WHEN s.state = 'breached' THEN 1 + floor(rr * 3)::int ELSE 0 END,
              CASE s.state WHEN 'running' THEN started_at + (due_at - started_at) * (CASE s.warnings WHEN 0 THEN 0.5 WHEN 1 THEN 0.8 ELSE 1 END)
                           WHEN 'breached' THEN $1::timestamptz + make_interval(secs => 86400 * rr * 5) END,
              stopped_at, region_code, false
         FROM bench_grievance,
              LATERAL (SELECT CASE WHEN status = 'closed' THEN 'stopped' WHEN status = 'overdue' THEN 'breached'
                                   WHEN status = 'open' AND rr < 0.03 THEN 'paused' ELSE 'running' END AS state,
                              CASE status WHEN 'closed' THEN floor(rr * 3)::int WHEN 'open' THEN 0 WHEN 'overdue' THEN 2
                                   ELSE CASE WHEN $1::timestamptz >= started_at + (due_at - started_at) * 0.8 THEN 2 ELSE 1 END END AS warnings) s`,
      [now],
    );
    // Counters as the facts bump them: receipts and assignments on the receipt's day, replies
    // and evaluations on the reply's day, breaches on the deadline's day (Beijing days).
    const day = (at: string) => `((${at}) AT TIME ZONE 'Asia/Shanghai')::date`;
    await step(
      'indicator_tally',
      `INSERT INTO indicator_tally (day, region_code, org_code, category_code, received, repeats, assigned, responded, replied, replied_on_time,
                                    replied_late, evaluated, satisfied, basically_satisfied, not_satisfied, resolved, closed, breached)
       SELECT day, region_code, org_code, category_code, sum(received), sum(repeats), sum(assigned), sum(responded), sum(replied), sum(on_time),
              sum(late), sum(evaluated), sum(satisfied), sum(basically), sum(not_satisfied), sum(resolved), sum(closed), sum(breached)
         FROM (
           SELECT ${day('received_at')} AS day, region_code, org_code, category_code, 1 AS received, (g % 12 < 2)::int AS repeats, 1 AS assigned,
                  (rr < 0.97)::int AS responded, 0 AS replied, 0 AS on_time, 0 AS late, 0 AS evaluated, 0 AS satisfied, 0 AS basically,
                  0 AS not_satisfied, 0 AS resolved, 0 AS closed, 0 AS breached
             FROM bench_grievance
           UNION ALL
           SELECT ${day('stopped_at')}, region_code, org_code, category_code, 0, 0, 0, 0, 1, (stopped_at <= due_at)::int, (stopped_at > due_at)::int,
                  (rr < 0.8)::int, (rr < 0.55)::int, (rr >= 0.55 AND rr < 0.72)::int, (rr >= 0.72 AND rr < 0.8)::int, (rr < 0.7)::int, 1, 0
             FROM bench_grievance WHERE status = 'closed'
           UNION ALL
           SELECT ${day('due_at')}, region_code, org_code, category_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
             FROM bench_grievance WHERE status = 'overdue'
         ) f
        GROUP BY 1, 2, 3, 4`,
    );
    await step(
      'backlog_tally',
      `INSERT INTO backlog_tally (region_code, org_code, category_code, open_count)
       SELECT region_code, org_code, category_code, count(*) FROM bench_grievance WHERE status <> 'closed' GROUP BY 1, 2, 3`,
    );
    // 重复信访: one block of four grievances in twelve is a chain of four (积案 by repeats), the next a chain of two.
    await step(
      'repeat_chains',
      `INSERT INTO repeat_member (grievance_id, root_id)
       SELECT grievance_id, md5('g' || (g - g % 4))::uuid FROM bench_grievance
        WHERE g >= 4 AND ((g / 4) % 12 = 0 OR ((g / 4) % 12 = 1 AND g % 4 < 2))`,
    );
    await step('repeat_chain', 'INSERT INTO repeat_chain (root_id, members) SELECT root_id, count(*) FROM repeat_member GROUP BY root_id');
    // 包案 for a few open cases, 督办单 for some more, aftercare for the replied ones.
    await step(
      'case_owner',
      `INSERT INTO case_owner (grievance_id, tracking_code, leader_user_id, leader_name, since, plan, assigned_by)
       SELECT grievance_id, tracking_code, 'leader-' || (g % 40), '县领导' || (g % 40), started_at + interval '1 day', '包案化解方案', 'u-bench'
         FROM bench_grievance WHERE status <> 'closed' AND rr > 0.97`,
    );
    await step(
      'supervision_notice',
      `INSERT INTO supervision_notice (id, grievance_id, tracking_code, region_code, org_code, level, listed, demands, state, respond_within_days,
                                       issued_by, issuer_org_code, issued_at, response_due_at)
       SELECT md5('n' || g)::uuid, grievance_id, tracking_code, region_code, org_code, 'county', false, '限期办结并书面答复',
              CASE WHEN rr < 0.5 THEN 'issued' ELSE 'accepted' END, 5, 'u-bench', 'dept_petition', due_at, due_at + interval '7 days'
         FROM bench_grievance WHERE status IN ('overdue', 'near') AND g % 5 = 0`,
    );
    await step(
      'aftercare',
      `INSERT INTO aftercare (grievance_id, tracking_code, region_code, status, round, final, last_answer_kind, last_answer_org, last_answer_at,
                              reply_at, review_window_ends_at, closed_at)
       SELECT grievance_id, tracking_code, region_code, 'closed', 1, true, 'reply', org_code, stopped_at, stopped_at, stopped_at + interval '30 days', stopped_at
         FROM bench_grievance WHERE status = 'closed'`,
    );
    await step('drop_scratch', 'DROP TABLE bench_grievance');
    // Autovacuum is off here: without statistics the planner guesses.
    await step('analyze', 'VACUUM ANALYZE');
  } finally {
    await c.end();
  }
  return timings;
}

interface Scenario {
  kind: string;
  label: string;
  run(): Promise<unknown>;
}

async function main(): Promise<void> {
  const grievances = Math.max(1000, arg('grievances', 1_000_000));
  const seconds = Math.min(Math.max(1, arg('seconds', 20)), 600);
  const concurrency = Math.max(1, Math.min(arg('concurrency', 4), 32));
  const keep = process.argv.includes('--keep');
  const reuse = textArg('db');
  const name = reuse ?? `ykb_bench_board_${grievances}_${Date.now().toString(36)}`;
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
  const url = dbUrl(name);

  const exists = await admin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);
  if (!exists) await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const options = supervisionDataSourceOptions(url, DEV_SUPERVISION_PII_KEYS);
  let ds: DataSource | undefined;
  try {
    const t0 = performance.now();
    const applied = await runMigrations(options);
    console.error(`database ${name}: ${applied.length} migration(s) applied in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    ds = new DataSource(options);
    await ds.initialize();
    const [{ n: loaded }] = (await ds.query('SELECT count(*)::int AS n FROM supervised_case')) as { n: number }[];
    // The data are as of the load: the clocks' shares and the overdue split hold at that instant.
    const now = new Date();
    let loadSeconds: number | null = null;
    let loadSteps: Record<string, number> | null = null;
    if (loaded === 0) {
      console.error(`loading ${grievances} grievances…`);
      const t1 = performance.now();
      loadSteps = await load(url, grievances, now);
      loadSeconds = +((performance.now() - t1) / 1000).toFixed(1);
      console.error(`loaded in ${loadSeconds} s`);
    } else {
      console.error(`reusing ${loaded} grievances already loaded`);
      // Autovacuum is off here: VACUUM too, so the visibility map is as autovacuum would keep it.
      await ds.query('VACUUM ANALYZE');
    }
    const [{ n: total }] = (await ds.query('SELECT count(*)::int AS n FROM supervised_case')) as { n: number }[];
    const [{ n: boardSize }] = (await ds.query(
      `SELECT count(*)::int AS n FROM clock WHERE state = 'breached' OR (state IN ('running','paused') AND warnings_sent > 0)`,
    )) as { n: number }[];

    const board = new BoardReader(ds);
    const indicators = new IndicatorReader(ds);
    const owners = new CaseOwnershipService(ds);
    const county = DEMO_COUNTY_CODE;
    const town = `${DEMO_COUNTY_CODE}101`;
    const hillTown = `${DEMO_COUNTY_CODE}105`;
    const [{ org }] = (await ds.query("SELECT org_code AS org FROM backlog_tally WHERE org_code LIKE 'dept_%' GROUP BY 1 ORDER BY sum(open_count) DESC LIMIT 1")) as { org: string }[];
    const [{ category }] = (await ds.query('SELECT category_code AS category FROM backlog_tally GROUP BY 1 ORDER BY sum(open_count) DESC LIMIT 1')) as { category: string }[];
    const sampleIds = ((await ds.query('SELECT grievance_id FROM supervised_case TABLESAMPLE SYSTEM (1) LIMIT 500')) as { grievance_id: string }[]).map((r) => r.grievance_id);

    // A cursor some pages in, taken by paging the reader itself (200 a page).
    const deepCursor = async (page: (cursor?: string) => Promise<{ nextCursor: string | null }>, pages: number) => {
      let cursor: string | undefined;
      for (let i = 0; i < pages; i++) {
        const next = (await page(cursor)).nextCursor;
        if (!next) break;
        cursor = next;
      }
      return cursor;
    };

    const scenarios: Scenario[] = [];
    const boardFilters: [string, Partial<OverdueBoardQuery>][] = [
      ['all', {}],
      ['county', { regionCode: county }],
      ['town', { regionCode: town }],
      ['hill town', { regionCode: hillTown }],
      ['unit', { orgCode: org }],
    ];
    for (const kind of ['all', 'overdue', 'near_overdue'] as const) {
      for (const [where, f] of boardFilters) {
        const q: OverdueBoardQuery = { ...f, kind };
        scenarios.push({ kind: 'board page 1', label: `board ${kind} ${where} p1`, run: () => board.overdue(q) });
        const cursor = await deepCursor((c) => board.overdue({ ...q, limit: 200, ...(c ? { cursor: c } : {}) }), 10);
        if (cursor) scenarios.push({ kind: 'board deep page', label: `board ${kind} ${where} deep`, run: () => board.overdue({ ...q, cursor }) });
      }
    }
    const to = civilDay(now);
    const from = (days: number) => civilDay(new Date(now.getTime() - days * DAY_MS));
    const periods: [string, string][] = [
      ['month', from(30)],
      ['year', from(365)],
    ];
    for (const [period, start] of periods) {
      scenarios.push(
        { kind: 'indicators', label: `indicators county ${period} none`, run: () => indicators.read({ from: start, to, regionCode: county }) },
        { kind: 'indicators', label: `indicators county ${period} by town`, run: () => indicators.read({ from: start, to, regionCode: county, groupBy: 'region' }) },
        { kind: 'indicators', label: `indicators county ${period} by category`, run: () => indicators.read({ from: start, to, regionCode: county, groupBy: 'category' }) },
        { kind: 'indicators', label: `indicators county ${period} by unit`, run: () => indicators.read({ from: start, to, groupBy: 'unit' }) },
        { kind: 'indicators', label: `indicators town ${period} by village`, run: () => indicators.read({ from: start, to, regionCode: town, groupBy: 'region' }) },
        { kind: 'indicators', label: `indicators category ${period} by town`, run: () => indicators.read({ from: start, to, categoryCode: category, regionCode: county, groupBy: 'region' }) },
        { kind: 'indicators', label: `indicators unit ${period} none`, run: () => indicators.read({ from: start, to, orgCode: org }) },
      );
    }
    const backlogFilters: [string, Parameters<CaseOwnershipService['backlog']>[0]][] = [
      ['all', {}],
      ['town', { regionCode: town }],
      ['unit', { orgCode: org }],
      ['unowned', { owned: false }],
      ['owned', { owned: true }],
    ];
    for (const [where, q] of backlogFilters) {
      scenarios.push({ kind: 'backlog page 1', label: `backlog ${where} p1`, run: () => owners.backlog(q) });
      const cursor = await deepCursor((c) => owners.backlog({ ...q, limit: 200, ...(c ? { cursor: c } : {}) }), 10);
      if (cursor) scenarios.push({ kind: 'backlog deep page', label: `backlog ${where} deep`, run: () => owners.backlog({ ...q, cursor }) });
    }
    scenarios.push({ kind: 'case deadlines', label: 'case deadlines', run: () => board.caseDeadlines(sampleIds[Math.floor(Math.random() * sampleIds.length)] as string) });

    // `--only board,backlog`: just the kinds that start so, without the others' load beside them.
    const only = textArg('only')?.split(',').filter(Boolean);
    if (only) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => only.some((o) => s.kind.startsWith(o))));
    if (scenarios.length === 0) throw new Error(`--only ${only?.join(',')} matches no query kind`);

    // Warm up: every scenario once, untimed.
    for (const s of scenarios) await s.run();

    const latencies = new Map<string, number[]>();
    const note = (key: string, ms: number) => {
      let l = latencies.get(key);
      if (!l) latencies.set(key, (l = []));
      l.push(ms);
    };
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    const caller = async (k: number) => {
      for (let i = k; performance.now() < end; i += concurrency) {
        const s = scenarios[i % scenarios.length] as Scenario;
        const t0 = performance.now();
        try {
          await s.run();
          const ms = performance.now() - t0;
          note(`kind:${s.kind}`, ms);
          note(`scenario:${s.label}`, ms);
          note('overall', ms);
        } catch (err) {
          errors++;
          if (errors <= 3) console.error(s.label, err);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, k) => caller(k)));

    const stats = (key: string) => {
      const l = (latencies.get(key) ?? []).sort((a, b) => a - b);
      const f = (v: number) => +v.toFixed(1);
      return { n: l.length, p50: f(percentile(l, 50)), p95: f(percentile(l, 95)), p99: f(percentile(l, 99)), max: f(l[l.length - 1] ?? NaN) };
    };
    const kinds = [...new Set(scenarios.map((s) => s.kind))];
    const result = {
      database: name,
      grievances: total,
      board_clocks: boardSize,
      load_seconds: loadSeconds,
      load_steps: loadSteps,
      concurrency,
      seconds,
      queries: [...latencies.get('overall') ?? []].length,
      errors,
      per_second: Math.round((latencies.get('overall')?.length ?? 0) / seconds),
      budget_p95_ms: 50,
      overall: stats('overall'),
      kinds: Object.fromEntries(kinds.map((k) => [k, stats(`kind:${k}`)])),
      scenarios: Object.fromEntries(scenarios.map((s) => [s.label, stats(`scenario:${s.label}`)])),
    };
    console.log(JSON.stringify(result, null, 2));
    const row = (label: string, s: ReturnType<typeof stats>) =>
      `${label.padEnd(40)} ${String(s.n).padStart(6)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)}${s.p95 > 50 ? '  over budget' : ''}`;
    console.log(`\n${'query (ms)'.padEnd(40)} ${'n'.padStart(6)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}`);
    for (const k of kinds) console.log(row(k, stats(`kind:${k}`)));
    console.log(row('overall', stats('overall')));
    console.log('');
    for (const s of scenarios) console.log(row(`  ${s.label}`, stats(`scenario:${s.label}`)));
  } finally {
    await ds?.destroy();
    if (!keep) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    else console.error(`kept database ${name}; reuse it with --db ${name}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
