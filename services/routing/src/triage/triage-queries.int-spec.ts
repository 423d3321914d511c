import { randomUUID } from 'node:crypto';
import { GrievanceReceived, RoutingListRegionChildren, RoutingListTriageByGrievanceIds, RoutingOverrideTriage, type EventEnvelope, type GrievanceReceivedV1 } from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { routingDataSourceOptions } from '../database/data-source';
import { DEMO_COUNTY_CODE, DEMO_REGIONS } from '../directory/demo-county';
import { seedDemoCounty } from '../seed/demo-seed';
import { routingService } from '../service';

const received = (over: Partial<GrievanceReceivedV1> = {}): EventEnvelope<GrievanceReceivedV1> => ({
  id: randomUUID(),
  type: GrievanceReceived.subject,
  v: 1,
  occurredAt: new Date().toISOString(),
  data: { grievanceId: randomUUID(), trackingCode: '330621-26-3301T', channel: 'walk_in', regionCode: '330621102202', categoryCode: 'wage_arrears', headcount: 12, collective: true, firstTime: true, receivedAt: new Date().toISOString(), ...over },
});

describe('routing.triage.list_by_grievances and routing.region.children over NATS (routing in process, real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let rpc: RpcClient;

  beforeAll(async () => {
    sut = await startServiceUnderTest(routingService, {}, { pg: false, rpcName: 'routing-triage-test', seed: (url) => seedDemoCounty(routingDataSourceOptions(url), new JsonLogger('routing-test', 'warn')) });
    ({ ns, probe, rpc } = sut);
  });

  afterAll(() => sut?.close());

  const refusal = async (request: Promise<unknown>): Promise<RpcCallError> => {
    const err = await request.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof RpcCallError)) throw new Error(`expected a refusal, got ${String(err)}`);
    return err;
  };

  it('answers the decision in force per grievance in one request: an override replaces the automatic one; untriaged ids are left out', async () => {
    const collective = received();
    const neighbours = received({ categoryCode: 'neighbour_dispute', regionCode: '330621103202001', headcount: 1, collective: false, trackingCode: '330621-26-3302T' });
    for (const e of [collective, neighbours]) await probe.publish(ns.subject(GrievanceReceived.subject), e, e.id);
    const ids = [collective.data.grievanceId, neighbours.data.grievanceId];
    const first = await waitFor('both triaged', async () => {
      const rows = await rpc.request(RoutingListTriageByGrievanceIds, { grievanceIds: [...ids, randomUUID()] });
      return rows.length === 2 ? rows : undefined;
    });
    const of = (rows: typeof first, id: string) => rows.find((r) => r.grievanceId === id)!;
    expect(of(first, collective.data.grievanceId)).toMatchObject({ categoryCode: 'wage_arrears', statutoryPath: 'arbitration', complexity: 'urgent', decidedBy: 'auto', overridden: false });
    expect(of(first, collective.data.grievanceId).reason.zh).toEqual(expect.any(String));
    expect(of(first, collective.data.grievanceId).listVersion).toBeGreaterThanOrEqual(1);
    expect(of(first, neighbours.data.grievanceId)).toMatchObject({ categoryCode: 'neighbour_dispute', statutoryPath: 'mediation' });

    await rpc.request(RoutingOverrideTriage, { grievanceId: neighbours.data.grievanceId, colour: 'red', reason: '双方冲突升级', operatorId: 'u-operator' });
    const after = await rpc.request(RoutingListTriageByGrievanceIds, { grievanceIds: ids });
    expect(after).toHaveLength(2);
    expect(of(after, neighbours.data.grievanceId)).toMatchObject({ colour: 'red', overridden: true, decidedBy: 'u-operator', categoryCode: 'neighbour_dispute', listVersion: of(first, neighbours.data.grievanceId).listVersion });
    expect(of(after, collective.data.grievanceId)).toEqual(of(first, collective.data.grievanceId));
  });

  it('refuses an empty batch, more than 100 ids and ids that are not UUIDs, naming the field', async () => {
    for (const grievanceIds of [[], Array.from({ length: 101 }, () => randomUUID()), ['not-a-uuid']]) {
      const err = await refusal(rpc.request(RoutingListTriageByGrievanceIds, { grievanceIds }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(err.fields)).toContain('grievanceIds');
    }
  });

  it('walks the region tree one level at a time for pickers, and refuses an unknown parent', async () => {
    const top = await rpc.request(RoutingListRegionChildren, {});
    expect(top.length).toBeGreaterThanOrEqual(1);
    const towns = await rpc.request(RoutingListRegionChildren, { parentCode: DEMO_COUNTY_CODE });
    const expectedTowns = DEMO_REGIONS.filter((r) => r.parentCode === DEMO_COUNTY_CODE).map((r) => r.code).sort();
    expect(towns.map((t) => t.code)).toEqual(expectedTowns);
    expect(towns.every((t) => t.level === 'town' && t.parentCode === DEMO_COUNTY_CODE && t.name.length > 0)).toBe(true);
    const villages = await rpc.request(RoutingListRegionChildren, { parentCode: towns[0].code });
    expect(villages.length).toBeGreaterThan(0);
    expect(villages.every((v) => v.parentCode === towns[0].code)).toBe(true);
    expect((await refusal(rpc.request(RoutingListRegionChildren, { parentCode: '999999' }))).code).toBe('NOT_FOUND');
    expect((await refusal(rpc.request(RoutingListRegionChildren, { parentCode: 'Bad Code!' }))).code).toBe('BAD_REQUEST');
  });
});
