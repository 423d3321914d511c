import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  EarlyWarningRaised,
  GrievanceReceived,
  SupervisionAcknowledgeEarlyWarning,
  SupervisionBulletinLedger,
  SupervisionGenerateBulletin,
  SupervisionListBulletins,
  SupervisionListEarlyWarnings,
  type EarlyWarningRaisedV1,
  type EventEnvelope,
  type GrievanceReceivedV1,
} from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import readXlsxFile from 'read-excel-file/node';
import { BulletinService } from '../bulletin/bulletin.service';
import { supervisionService } from '../service';

/*
 * Heshan (鹤山市, 440784), the school-closure story: for four weeks the county hears the odd
 * grievance about schools and much else; then, the day the merger of a village school in Zhishan
 * (址山镇, 440784105) is announced, parent after parent from the town's villages comes about it.
 */
const ZHISHAN = '440784105';
const ZHISHAN_VILLAGES = ['440784105201', '440784105202', '440784105203', '440784105204'];
const SHAPING = '440784001'; // 沙坪街道
const GULAO = '440784102'; // 古劳镇
const SPIKE_DAY = '2026-02-24'; // the Tuesday after the Spring Festival holiday, school starts
const at = (day: string, hour: number, minute = 0) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).toISOString();
const dayBefore = (n: number) => new Date(Date.parse(`${SPIKE_DAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

let seq = 0;
const grievance = (regionCode: string, categoryCode: string, receivedAt: string, over: Partial<GrievanceReceivedV1> = {}): GrievanceReceivedV1 => {
  seq += 1;
  return { grievanceId: randomUUID(), trackingCode: `440784-26-${String(seq).padStart(5, '0')}`, channel: 'walk_in', regionCode, categoryCode, headcount: 1, collective: false, firstTime: true, receivedAt, ...over };
};

describe('苗头预警 and 通报 from real events (Heshan school closure)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  const publish = async (data: GrievanceReceivedV1) => {
    const env: EventEnvelope<GrievanceReceivedV1> = { id: randomUUID(), type: GrievanceReceived.subject, v: GrievanceReceived.version, occurredAt: data.receivedAt, data };
    await probe.publish(ns.subject(GrievanceReceived.subject), env, env.id);
  };
  /** Everything published before is applied once this one is (one durable consumer, in order). */
  const settle = async () => {
    const marker = grievance('440784103', 'road_repair', at(dayBefore(40), 9));
    await publish(marker);
    await waitFor('the marker grievance', async () => (await pg.query('SELECT 1 FROM supervision.supervised_case WHERE grievance_id = $1', [marker.grievanceId])).rowCount === 1);
  };
  const alerts = async () => (await pg.query('SELECT region_code, category_code, window_code, to_char(window_end, \'YYYY-MM-DD\') AS window_end, count FROM supervision.early_warning ORDER BY raised_at')).rows;
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof RpcCallError) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0', SUPERVISION_BULLETIN_MS: '0' }, { rpcName: 'supervision-early-warning-test' });
    ({ ns, svc, probe, pg, rpc } = sut);

    // Four weeks of ordinary life: a school matter every few days somewhere in the county, one in
    // Zhishan now and then, wages and roads every day.
    for (let d = 28; d >= 1; d -= 1) {
      const day = dayBefore(d);
      if (d % 3 === 0) await publish(grievance(d % 2 ? SHAPING : GULAO, 'school_closure', at(day, 10)));
      if (d % 7 === 0) await publish(grievance(ZHISHAN_VILLAGES[d % 4], 'school_closure', at(day, 15)));
      await publish(grievance(ZHISHAN_VILLAGES[d % 4], 'wage_arrears', at(day, 11)));
      await publish(grievance(SHAPING, 'road_repair', at(day, 14)));
    }
    await settle();
  });

  afterAll(() => sut?.close());

  it('a quiet baseline raises nothing, and two parents in Gulao are no spike', async () => {
    await publish(grievance(GULAO, 'school_closure', at(SPIKE_DAY, 9)));
    await publish(grievance(GULAO, 'school_closure', at(SPIKE_DAY, 9, 30)));
    await settle();
    expect(await alerts()).toEqual([]);
  });

  it('raises one alert when Zhishan parents come about the school, and only one however many more come', async () => {
    // Fourteen parents from four villages over the morning (one collective visit of 6 counts once).
    for (let i = 0; i < 14; i += 1) {
      await publish(grievance(ZHISHAN_VILLAGES[i % 4], 'school_closure', at(SPIKE_DAY, 8 + Math.floor(i / 3), (i * 7) % 60), i === 5 ? { headcount: 6, collective: true } : {}));
    }
    await settle();
    expect(await alerts()).toEqual([{ region_code: ZHISHAN, category_code: 'school_closure', window_code: '1d', window_end: SPIKE_DAY, count: 5 }]);

    const raised = await waitFor('the raised event', async () => {
      const found = (await probe.read(ns.stream('supervision'), ns.subject(EarlyWarningRaised.subject))).map((m) => m.json<EventEnvelope<EarlyWarningRaisedV1>>().data);
      return found.length ? found : undefined;
    });
    expect(raised).toHaveLength(1);
    // Baseline: 4 Zhishan school grievances in 28 days (days 28, 21, 14, 7 before).
    expect(raised[0]).toMatchObject({ regionCode: ZHISHAN, categoryCode: 'school_closure', window: '1d', windowStart: SPIKE_DAY, windowEnd: SPIKE_DAY, count: 5, baselineMean: 0.14, baselineStddev: 0.35 });

    // The next day the parents keep coming, but the 3-day window overlaps today's alert: not raised again.
    for (let i = 0; i < 4; i += 1) await publish(grievance(ZHISHAN_VILLAGES[i], 'school_closure', at(dayBefore(-1), 9, i)));
    await settle();
    expect((await alerts()).length).toBe(1);
    // Wages in Zhishan, the same day, stay quiet.
    expect((await alerts()).every((a) => a.category_code === 'school_closure')).toBe(true);
  });

  it('lists alerts in the caller’s region and acknowledges them once', async () => {
    const page = await rpc.request(SupervisionListEarlyWarnings, { regionCode: '440784' });
    expect(page.items).toHaveLength(1);
    const [alert] = page.items;
    expect(alert).toMatchObject({ regionCode: ZHISHAN, state: 'open', acknowledgedBy: null });
    expect((await rpc.request(SupervisionListEarlyWarnings, { regionCode: GULAO })).items).toEqual([]);

    const ack = await rpc.request(SupervisionAcknowledgeEarlyWarning, { alertId: alert.alertId, userId: 'u-operator', note: '已通知县教育局和址山镇政府，约见家长代表' });
    expect(ack).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'u-operator', note: '已通知县教育局和址山镇政府，约见家长代表' });
    const again = await rpc.request(SupervisionAcknowledgeEarlyWarning, { alertId: alert.alertId, userId: 'u-leader' });
    expect(again).toEqual(ack);
    expect((await rpc.request(SupervisionListEarlyWarnings, { state: 'open' })).items).toEqual([]);
    expect((await refusal(rpc.request(SupervisionAcknowledgeEarlyWarning, { alertId: randomUUID(), userId: 'u' }))).code).toBe('NOT_FOUND');
    const bad = await refusal(rpc.request(SupervisionListEarlyWarnings, { cursor: 'not-a-cursor' }));
    expect(bad.code).toBe('BAD_REQUEST');
  });

  it('the daily bulletin of the spike day counts the towns, and its ledgers download', async () => {
    const b = await rpc.request(SupervisionGenerateBulletin, { kind: 'daily', periodStart: SPIKE_DAY, requestedBy: 'u-supervisor' });
    expect(b).toMatchObject({ kind: 'daily', periodStart: SPIKE_DAY, periodEnd: SPIKE_DAY, complete: true });
    expect(b.totals.counts.received).toBe(16); // 14 Zhishan parents + 2 in Gulao
    // All grievances are in Heshan, so the bulletin reports Heshan's towns (those with only a backlog too).
    expect(b.regions.map((r) => r.key)).toEqual([SHAPING, GULAO, '440784103', ZHISHAN]);
    expect(b.regions.filter((r) => r.counts.received > 0).map((r) => [r.key, r.counts.received])).toEqual([[GULAO, 2], [ZHISHAN, 14]]);
    expect(b.topCategories[0]).toMatchObject({ key: 'school_closure', counts: { received: 16 } });
    // Asking again returns the stored bulletin untouched.
    expect((await rpc.request(SupervisionGenerateBulletin, { kind: 'daily', periodStart: SPIKE_DAY })).generatedAt).toBe(b.generatedAt);

    const csv = await rpc.request(SupervisionBulletinLedger, { bulletinId: b.bulletinId, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF分组,代码,受理量')).toBe(true);
    expect(text).toContain(`\r\n地区,${ZHISHAN},14,`);
    const xlsx = await rpc.request(SupervisionBulletinLedger, { bulletinId: b.bulletinId, format: 'xlsx' });
    const sheets = await readXlsxFile(Buffer.from(xlsx.base64, 'base64'));
    expect(sheets[0].data[1].slice(0, 3)).toEqual(['总计', '全部', 16]);

    const list = await rpc.request(SupervisionListBulletins, { kind: 'daily' });
    expect(list.items.map((i) => i.bulletinId)).toEqual([b.bulletinId]);
  });

  it('refuses a period that does not start where its kind starts, or has not begun', async () => {
    const tuesday = await refusal(rpc.request(SupervisionGenerateBulletin, { kind: 'weekly', periodStart: SPIKE_DAY }));
    expect(tuesday).toMatchObject({ code: 'BAD_REQUEST' });
    expect(JSON.stringify(tuesday.fields)).toContain('periodStart');
    expect((await refusal(rpc.request(SupervisionGenerateBulletin, { kind: 'monthly', periodStart: '2099-01-01' }))).code).toBe('BAD_REQUEST');
    expect((await refusal(rpc.request(SupervisionGenerateBulletin, { kind: 'yearly' as never, periodStart: '2026-01-01' }))).code).toBe('BAD_REQUEST');
    expect((await refusal(rpc.request(SupervisionBulletinLedger, { bulletinId: randomUUID(), format: 'csv' }))).code).toBe('NOT_FOUND');
  });

  it('the schedule publishes each due bulletin once, even when two replicas sweep at once', async () => {
    const bulletins = svc.app.get(BulletinService);
    const now = new Date('2026-03-02T00:05:00+08:00'); // a Monday after the month's end
    const [a, b] = await Promise.all([bulletins.publishDue(now), bulletins.publishDue(now)]);
    expect([...a, ...b].map((x) => `${x.kind} ${x.periodStart}`).sort()).toEqual(['daily 2026-03-01', 'half_monthly 2026-02-16', 'monthly 2026-02-01', 'weekly 2026-02-23']);
    expect(await bulletins.publishDue(now)).toEqual([]);
    const rows = (await pg.query('SELECT kind, count(*)::int AS n FROM supervision.bulletin GROUP BY kind ORDER BY kind')).rows;
    expect(rows).toEqual([{ kind: 'daily', n: 2 }, { kind: 'half_monthly', n: 1 }, { kind: 'monthly', n: 1 }, { kind: 'weekly', n: 1 }]);
    const monthly = (await rpc.request(SupervisionListBulletins, { kind: 'monthly' })).items[0];
    // February: 28 baseline days' grievances of the month plus the spike day and the day after.
    expect(monthly.complete).toBe(true);
    expect(monthly.totals.counts.received).toBeGreaterThan(16);
  });

  it('pages bulletins and alerts newest first with a keyset cursor, and refuses a cursor it did not give', async () => {
    const walk = async <T>(list: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> => {
      const seen: T[] = [];
      let cursor: string | undefined;
      do {
        const page = await list(cursor);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const bulletins = (await rpc.request(SupervisionListBulletins, {})).items.map((b) => `${b.kind} ${b.periodStart}`);
    expect(bulletins).toEqual(['daily 2026-03-01', 'daily 2026-02-24', 'weekly 2026-02-23', 'half_monthly 2026-02-16', 'monthly 2026-02-01']);
    const paged = await walk((cursor) => rpc.request(SupervisionListBulletins, { limit: 2, ...(cursor ? { cursor } : {}) }));
    expect(paged.map((b) => `${b.kind} ${b.periodStart}`)).toEqual(bulletins);

    // Two older alerts of Gulao raised at the same instant: the id breaks the tie, and no page loses or repeats one.
    const earlier = new Date('2026-01-10T02:00:00Z');
    for (const category of ['road_repair', 'wage_arrears']) {
      await pg.query(
        `INSERT INTO supervision.early_warning (region_code, category_code, window_code, window_start, window_end, count, baseline_mean, baseline_stddev, threshold, raised_at)
         VALUES ($1, $2, '1d', '2026-01-10', '2026-01-10', 4, 0.5, 0.5, 3, $3)`,
        [GULAO, category, earlier],
      );
    }
    const alertsNow = (await rpc.request(SupervisionListEarlyWarnings, {})).items;
    expect(alertsNow.map((a) => a.regionCode)).toEqual([ZHISHAN, GULAO, GULAO]);
    const ties = alertsNow.slice(1).map((a) => a.alertId);
    expect(ties).toEqual([...ties].sort().reverse());
    const alertsPaged = await walk((cursor) => rpc.request(SupervisionListEarlyWarnings, { limit: 1, ...(cursor ? { cursor } : {}) }));
    expect(alertsPaged).toEqual(alertsNow);

    for (const refused of [rpc.request(SupervisionListBulletins, { cursor: 'not-a-cursor' }), rpc.request(SupervisionListEarlyWarnings, { cursor: 'not-a-cursor' })]) {
      expect(await refusal(refused)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('invalid_cursor') });
    }
  });
});
