import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AssignmentCreated, GrievanceReceived, GrievanceTriaged, RoutingListAssignments, RoutingListAssignmentsByGrievanceIds, RoutingListCategories, type EventEnvelope, type GrievanceReceivedV1 } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { routingDataSourceOptions } from './database/data-source';
import { seedDemoCounty } from './seed/demo-seed';
import { routingService } from './service';

const received = (over: Partial<GrievanceReceivedV1> = {}): EventEnvelope<GrievanceReceivedV1> => ({
  id: randomUUID(),
  type: GrievanceReceived.subject,
  v: 1,
  occurredAt: new Date().toISOString(),
  data: { grievanceId: randomUUID(), trackingCode: '330621-26-2223G', channel: 'walk_in', regionCode: '330621102202', categoryCode: 'wage_arrears', headcount: 12, collective: true, firstTime: true, receivedAt: new Date().toISOString(), ...over },
});

describe('routing service: triage and assignment from real events', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;
  const assignmentsOf = async (grievanceId: string) =>
    (await pg.query('SELECT role, org_code, org_name, rule_id, rule_version FROM routing.assignment WHERE grievance_id = $1 ORDER BY role DESC, org_code', [grievanceId])).rows;

  beforeAll(async () => {
    sut = await startServiceUnderTest(routingService, {}, { seed: (url) => seedDemoCounty(routingDataSourceOptions(url), new JsonLogger('routing-test', 'warn')) });
    ({ ns, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  it('triages a collective wage-arrears matter and assigns 人社 as lead with 住建 co-handling', async () => {
    const e = received();
    await probe.publish(ns.subject(GrievanceReceived.subject), e, e.id);
    const rows = await waitFor('assignments', async () => ((await assignmentsOf(e.data.grievanceId)).length >= 2 ? assignmentsOf(e.data.grievanceId) : undefined));
    expect(rows.map((r: { role: string; org_name: string }) => [r.role, r.org_name])).toEqual([
      ['lead', '县人力资源和社会保障局'],
      ['co', '县住房和城乡建设局'],
    ]);
    expect(rows[0]).toMatchObject({ rule_id: 'wage_arrears@330621:collective', rule_version: 1 });
    const triaged = await waitFor('the triage fact', async () => {
      const msgs = await probe.read(ns.stream('routing'), ns.subject(GrievanceTriaged.subject));
      return msgs.map((m) => m.json<EventEnvelope<{ grievanceId: string; statutoryPath: string; complexity: string }>>().data).find((d) => d.grievanceId === e.data.grievanceId);
    });
    expect(triaged).toMatchObject({ statutoryPath: 'arbitration', complexity: 'urgent' });
    const created = await waitFor('two assignment facts', async () => {
      const msgs = (await probe.read(ns.stream('routing'), ns.subject(AssignmentCreated.subject))).filter((m) => m.json<EventEnvelope<{ grievanceId: string }>>().data.grievanceId === e.data.grievanceId);
      return msgs.length === 2 ? msgs : undefined;
    });
    expect(created).toHaveLength(2);
    const viaNats = await rpc.request(RoutingListAssignments, { grievanceId: e.data.grievanceId });
    expect(viaNats.map((a) => a.orgName)).toEqual(['县人力资源和社会保障局', '县住房和城乡建设局']);
  });

  it("answers many grievances' assignments in one request, each grievance's lead first, and refuses a bad batch", async () => {
    const [a, b] = [received(), received({ categoryCode: 'neighbour_dispute', regionCode: '330621103202001', headcount: 1, collective: false })];
    for (const e of [a, b]) await probe.publish(ns.subject(GrievanceReceived.subject), e, e.id);
    await waitFor('assignments of both', async () => ((await assignmentsOf(a.data.grievanceId)).length >= 2 && (await assignmentsOf(b.data.grievanceId)).length >= 1 ? true : undefined));
    const all = await rpc.request(RoutingListAssignmentsByGrievanceIds, { grievanceIds: [a.data.grievanceId, b.data.grievanceId, randomUUID()] });
    const of = (id: string) => all.filter((x) => x.grievanceId === id);
    for (const id of [a.data.grievanceId, b.data.grievanceId]) expect(of(id)).toEqual(await rpc.request(RoutingListAssignments, { grievanceId: id }));
    expect(of(a.data.grievanceId)[0]).toMatchObject({ role: 'lead', orgName: '县人力资源和社会保障局' });
    expect(of(b.data.grievanceId)[0]).toMatchObject({ role: 'lead', orgName: '石桥镇人民政府' });
    expect(all).toHaveLength(of(a.data.grievanceId).length + of(b.data.grievanceId).length);
    await expect(rpc.request(RoutingListAssignmentsByGrievanceIds, { grievanceIds: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('routes a neighbour dispute in a grid to its town government (属地管理)', async () => {
    const e = received({ categoryCode: 'neighbour_dispute', regionCode: '330621103202001', headcount: 1, collective: false });
    await probe.publish(ns.subject(GrievanceReceived.subject), e, e.id);
    const rows = await waitFor('an assignment', async () => ((await assignmentsOf(e.data.grievanceId)).length ? assignmentsOf(e.data.grievanceId) : undefined));
    expect(rows[0]).toMatchObject({ role: 'lead', org_name: '石桥镇人民政府' });
  });

  it('gives the petition bureau what no rule covers, and an unknown region too (信访兜底)', async () => {
    const none = received({ categoryCode: undefined, headcount: 1, collective: false });
    const nowhere = received({ regionCode: '999999', headcount: 1, collective: false });
    await probe.publish(ns.subject(GrievanceReceived.subject), none, none.id);
    await probe.publish(ns.subject(GrievanceReceived.subject), nowhere, nowhere.id);
    for (const e of [none, nowhere]) {
      const rows = await waitFor('an assignment', async () => ((await assignmentsOf(e.data.grievanceId)).length ? assignmentsOf(e.data.grievanceId) : undefined));
      expect(rows).toEqual([expect.objectContaining({ role: 'lead', org_code: 'dept_petition', rule_id: 'fallback:petition_bureau' })]);
    }
  });

  it('answers a repeat without new facts with a progress report, not a new assignment', async () => {
    const repeat = received({ categoryCode: 'noise', headcount: 1, collective: false, firstTime: false, repeatOf: randomUUID() });
    const marker = received({ headcount: 1, collective: false });
    await probe.publish(ns.subject(GrievanceReceived.subject), repeat, repeat.id);
    await probe.publish(ns.subject(GrievanceReceived.subject), marker, marker.id);
    await waitFor('the marker routed', async () => (await assignmentsOf(marker.data.grievanceId)).length > 0);
    expect(await assignmentsOf(repeat.data.grievanceId)).toEqual([]);
    const { rows } = await pg.query('SELECT diversion FROM routing.triage_decision WHERE grievance_id = $1', [repeat.data.grievanceId]);
    expect(rows).toEqual([{ diversion: 'progress_report' }]);
  });

  it('serves the classification list over NATS', async () => {
    const list = await rpc.request(RoutingListCategories, {});
    expect(list.length).toBeGreaterThanOrEqual(40);
    expect(list.find((c) => c.code === 'wage_arrears')).toMatchObject({ name: '拖欠农民工工资', matterClass: 'claim', listVersion: 1 });
  });
});
