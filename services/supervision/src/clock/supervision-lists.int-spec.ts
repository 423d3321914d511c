import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentCreated,
  SupervisionConcludePublicEvaluation,
  SupervisionDecideDeadlineExtension,
  SupervisionListDeadlineExtensions,
  SupervisionListPublicEvaluations,
  SupervisionOpenPublicEvaluation,
  SupervisionRequestDeadlineExtension,
  type AssignmentCreatedV1,
  type EventEnvelope,
} from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { supervisionService } from '../service';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });

/** The lists a decider picks from: extension requests and public evaluations, scoped and paged. */
describe('deadline extension requests and public evaluations listed (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { database: 'supervision_lists', rpcName: 'supervision-lists-test' });
    ({ ns, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  const staff = (userId: string, orgCode: string) => ({ kind: 'staff' as const, userId, orgCode });

  /** A known case in a region (as intake's fact leaves it) whose lead unit's handling clock runs. */
  async function handled(regionCode: string, orgCode: string): Promise<{ grievanceId: string; trackingCode: string }> {
    const grievanceId = randomUUID();
    const trackingCode = `330621-26-${randomUUID().slice(0, 5).toUpperCase()}`;
    await pg.query(`INSERT INTO supervision.supervised_case (grievance_id, tracking_code, region_code, org_code, open) VALUES ($1, $2, $3, $4, true)`, [grievanceId, trackingCode, regionCode, orgCode]);
    const a: AssignmentCreatedV1 = {
      assignmentId: randomUUID(), grievanceId, trackingCode, role: 'lead', orgCode, orgName: '单位', regionCode, ruleId: 'rule-wage', ruleVersion: 1, createdAt: new Date().toISOString(),
    };
    await probe.publish(ns.subject(AssignmentCreated.subject), envelope(AssignmentCreated.subject, a));
    await waitFor('the handling clock', async () => (await pg.query(`SELECT 1 FROM supervision.clock WHERE grievance_id = $1 AND step = 'handling'`, [grievanceId])).rows[0]);
    return { grievanceId, trackingCode };
  }

  it('lists extension requests by state, by the asking unit and by the region, newest first with a keyset cursor', async () => {
    const town = await handled('330621101', 'org_list_a');
    const village = await handled('330621101201', 'org_list_a');
    const elsewhere = await handled('330622001', 'org_list_b');
    const ask = (g: { grievanceId: string }, org: string) => rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: g.grievanceId, days: 10, reason: '需要调取账册', by: staff(`unit-${org}`, org) });
    const first = await ask(town, 'org_list_a');
    const second = await ask(village, 'org_list_a');
    const third = await ask(elsewhere, 'org_list_b');
    expect(second.trackingCode).toBe(village.trackingCode);
    await rpc.request(SupervisionDecideDeadlineExtension, { requestId: first.id, approve: false, note: '理由不充分', by: staff('sup-1', 'joint_office') });

    const pendingInTown = await rpc.request(SupervisionListDeadlineExtensions, { status: 'pending', regionCode: '330621101' });
    expect(pendingInTown.items.map((i) => i.id)).toEqual([second.id]);
    expect(pendingInTown.items[0]).toMatchObject({ trackingCode: village.trackingCode, status: 'pending', requestedOrg: 'org_list_a' });

    const unitA = await rpc.request(SupervisionListDeadlineExtensions, { orgCode: 'org_list_a' });
    expect(unitA.items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(unitA.items[1]).toMatchObject({ status: 'refused', note: '理由不充分' });

    const page1 = await rpc.request(SupervisionListDeadlineExtensions, { limit: 1, orgCode: 'org_list_b' });
    expect(page1.items.map((i) => i.id)).toEqual([third.id]);
    expect(page1.nextCursor).toBeNull();
    const p1 = await rpc.request(SupervisionListDeadlineExtensions, { limit: 1, orgCode: 'org_list_a' });
    const p2 = await rpc.request(SupervisionListDeadlineExtensions, { limit: 1, orgCode: 'org_list_a', cursor: p1.nextCursor as string });
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual([second.id, first.id]);
    expect(p2.nextCursor).toBeNull();
  });

  it('refuses a bad status, region or cursor with the field named', async () => {
    await expect(rpc.request(SupervisionListDeadlineExtensions, { status: 'maybe' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rpc.request(SupervisionListDeadlineExtensions, { regionCode: 'Not A Code' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rpc.request(SupervisionListDeadlineExtensions, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('invalid_cursor') });
    await expect(rpc.request(SupervisionListPublicEvaluations, { limit: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lists public evaluations by state, grievance and region, each with its panel and tally', async () => {
    const town = await handled('330623101', 'org_eval');
    const other = await handled('330624101', 'org_eval');
    const panel = [1, 2, 3].map((n) => ({ id: `p-${n}`, name: `评议员${n}`, kind: 'npc_deputy' as const }));
    const by = staff('sup-1', 'joint_office');
    const open = await rpc.request(SupervisionOpenPublicEvaluation, { grievanceId: town.grievanceId, matter: '处理意见是否妥当', panel, by });
    const closedOne = await rpc.request(SupervisionOpenPublicEvaluation, { grievanceId: other.grievanceId, matter: '补偿标准是否合理', panel, by });
    await rpc.request(SupervisionConcludePublicEvaluation, { publicEvaluationId: closedOne.id, by });

    const openInTown = await rpc.request(SupervisionListPublicEvaluations, { status: 'open', regionCode: '330623' });
    expect(openInTown.items.map((e) => e.id)).toEqual([open.id]);
    expect(openInTown.items[0]?.panel.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(openInTown.items[0]?.tally).toEqual({ support: 0, oppose: 0, abstain: 0, notVoted: 3 });

    const concluded = await rpc.request(SupervisionListPublicEvaluations, { status: 'concluded', grievanceId: other.grievanceId });
    expect(concluded.items.map((e) => [e.id, e.opinion])).toEqual([[closedOne.id, 'no_quorum']]);
    expect((await rpc.request(SupervisionListPublicEvaluations, { status: 'open', regionCode: '330624' })).items).toEqual([]);

    const p1 = await rpc.request(SupervisionListPublicEvaluations, { limit: 1 });
    expect(p1.items.map((e) => e.id)).toEqual([closedOne.id]);
    const p2 = await rpc.request(SupervisionListPublicEvaluations, { limit: 1, cursor: p1.nextCursor as string });
    expect(p2.items.map((e) => e.id)).toEqual([open.id]);
  });
});
