import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GrievanceReceived, GrievanceTriaged, type EventEnvelope, type GrievanceReceivedV1, type GrievanceTriagedV1 } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { supervisionService } from '../service';

/*
 * A town where intake could not tell what parents came about (no category, or a wrong guess of
 * 'road_repair'); triage names it: the village school's closure. The counters and the spike check
 * follow triage's category.
 */
const TOWN = '440785105';
const VILLAGES = ['440785105201', '440785105202', '440785105203'];
const SPIKE_DAY = '2026-03-10';
const at = (day: string, hour: number, minute = 0) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).toISOString();
const dayBefore = (n: number) => new Date(Date.parse(`${SPIKE_DAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

let seq = 0;
const grievance = (regionCode: string, categoryCode: string | undefined, receivedAt: string): GrievanceReceivedV1 => {
  seq += 1;
  return { grievanceId: randomUUID(), trackingCode: `440785-26-${String(seq).padStart(5, '0')}`, channel: 'walk_in', regionCode, ...(categoryCode ? { categoryCode } : {}), headcount: 1, collective: false, firstTime: true, receivedAt };
};
const triage = (grievanceId: string, categoryCode: string): GrievanceTriagedV1 => ({
  grievanceId, categoryCode, statutoryPath: 'petition', complexity: 'simple', colour: 'blue', reason: '甄别：学校撤并', decidedBy: 'auto', decidedAt: new Date().toISOString(),
});

describe('苗头预警 and the counters follow the category triage names (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;

  const send = async <T>(subject: string, data: T, occurredAt = new Date().toISOString()) => {
    const env: EventEnvelope<T> = { id: randomUUID(), type: subject, v: 1, occurredAt, data };
    await probe.publish(ns.subject(subject), env, env.id);
  };
  const categoryOf = async (grievanceId: string) => ((await pg.query('SELECT category_code FROM supervision.supervised_case WHERE grievance_id = $1', [grievanceId])).rows[0] as { category_code: string } | undefined)?.category_code;
  const received = async (day: string) =>
    Object.fromEntries(
      (await pg.query(`SELECT category_code, sum(received)::int AS n FROM supervision.indicator_tally WHERE day = $1 AND region_code LIKE '440785105%' GROUP BY category_code`, [day])).rows.map((r: { category_code: string; n: number }) => [r.category_code, r.n]),
    );
  const alerts = async () => (await pg.query(`SELECT region_code, category_code, window_code, count FROM supervision.early_warning WHERE region_code = $1`, [TOWN])).rows;

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0', SUPERVISION_BULLETIN_MS: '0' }, { database: 'supervision_triaged_category', rpcName: 'supervision-triaged-category-test' });
    ({ ns, probe, pg } = sut);
    // Four quiet weeks: a school matter in the town once a week, roads every other day.
    let last = grievance(VILLAGES[0], 'road_repair', at(dayBefore(28), 9));
    for (let d = 28; d >= 1; d -= 1) {
      if (d % 7 === 0) await send(GrievanceReceived.subject, grievance(VILLAGES[d % 3], 'school_closure', at(dayBefore(d), 10)));
      if (d % 2 === 0) {
        last = grievance(VILLAGES[d % 3], 'road_repair', at(dayBefore(d), 14));
        await send(GrievanceReceived.subject, last);
      }
    }
    await waitFor('the baseline', async () => (await categoryOf(last.grievanceId)) === 'road_repair');
  });

  afterAll(() => sut?.close());

  it('moves each receipt’s count to triage’s category, and raises the spike intake’s categories hid', async () => {
    // Spike day: three parents with no category, three guessed as road repair, one whose triage came first.
    const parents = [
      ...[0, 1, 2].map((i) => grievance(VILLAGES[i], undefined, at(SPIKE_DAY, 9, i))),
      ...[0, 1, 2].map((i) => grievance(VILLAGES[i], 'road_repair', at(SPIKE_DAY, 10, i))),
    ];
    for (const p of parents) await send(GrievanceReceived.subject, p);
    await waitFor('the spike day received', async () => (await categoryOf(parents[5].grievanceId)) === 'road_repair');
    expect(await received(SPIKE_DAY)).toEqual({ '': 3, road_repair: 3 });
    expect(await alerts()).toEqual([]);

    const early = grievance(VILLAGES[1], 'road_repair', at(SPIKE_DAY, 11));
    await send(GrievanceTriaged.subject, triage(early.grievanceId, 'school_closure'));
    await waitFor('triage before receipt', async () => (await categoryOf(early.grievanceId)) === 'school_closure');
    await send(GrievanceReceived.subject, early);
    await waitFor('the early one received', async () => (await pg.query(`SELECT 1 FROM supervision.supervised_case WHERE grievance_id = $1 AND received_tally IS NOT NULL`, [early.grievanceId])).rowCount === 1);
    // Intake's later, wrong guess does not undo triage.
    expect(await categoryOf(early.grievanceId)).toBe('school_closure');

    for (const p of parents) await send(GrievanceTriaged.subject, triage(p.grievanceId, 'school_closure'));
    await waitFor('all triaged', async () => (await categoryOf(parents[5].grievanceId)) === 'school_closure');
    expect(await received(SPIKE_DAY)).toEqual({ '': 0, road_repair: 0, school_closure: 7 });
    expect((await pg.query(`SELECT sum(open_count)::int AS n FROM supervision.backlog_tally WHERE region_code LIKE '440785105%' AND category_code = 'school_closure'`)).rows[0].n).toBe(11);
    expect(await alerts()).toEqual([expect.objectContaining({ region_code: TOWN, category_code: 'school_closure', window_code: '1d' })]);

    // The same category again moves nothing (a later triage on the same subject proves it was applied).
    const marker = grievance(VILLAGES[2], 'road_repair', at(SPIKE_DAY, 16));
    await send(GrievanceReceived.subject, marker);
    await waitFor('the marker received', async () => (await categoryOf(marker.grievanceId)) === 'road_repair');
    await send(GrievanceTriaged.subject, { ...triage(parents[0].grievanceId, 'school_closure'), reason: '人工复核' });
    await send(GrievanceTriaged.subject, triage(marker.grievanceId, 'road_repair'));
    await waitFor('the marker triaged', async () => (await pg.query(`SELECT 1 FROM supervision.supervised_case WHERE grievance_id = $1 AND category_from_triage`, [marker.grievanceId])).rowCount === 1);
    expect(await received(SPIKE_DAY)).toEqual({ '': 0, road_repair: 1, school_closure: 7 });
    expect(await alerts()).toHaveLength(1);
  });
});
