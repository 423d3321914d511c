import { IntakeGetGrievance, RoutingListAssignmentsByGrievanceIds as RoutingListAssignments, SupervisionListClocksByGrievanceIds as SupervisionListClocks } from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import { FakeRpcClient } from '../rpc/testing/fake-rpc-client';
import { GrievanceDetailsLoader } from './grievance-details.loader';
import { GrievanceLookupService } from './grievance-lookup.service';
import { aClock, aGrievance, anAssignment } from './testing/grievance-fixtures';

const lookupWith = (rpc: FakeRpcClient) => new GrievanceLookupService(rpc.asClient(), new GrievanceDetailsLoader(rpc.asClient()));

describe('GrievanceLookupService', () => {
  it('composes intake, routing and supervision into one view', async () => {
    const g = aGrievance({ status: 'in_progress', categoryCode: null, headcount: 7 });
    const lead = anAssignment(g.id, { role: 'lead', orgCode: 'town_a', orgName: '甲镇人民政府' });
    const co = anAssignment(g.id, { role: 'co', orgCode: 'police_a', orgName: '甲镇派出所', status: 'created' });
    const clock = aClock(g.id, { step: 'acceptance', policyCode: 'accept_15d', dueAt: '2024-12-05T09:00:00.000Z' });
    const rpc = new FakeRpcClient()
      .on(IntakeGetGrievance, () => g)
      .on(RoutingListAssignments, () => [lead, co])
      .on(SupervisionListClocks, () => [clock]);

    const view = await lookupWith(rpc).byTrackingCode(g.trackingCode);

    expect(view).toEqual({
      grievanceId: g.id,
      trackingCode: g.trackingCode,
      status: 'in_progress',
      channel: g.channel,
      regionCode: g.regionCode,
      categoryCode: null,
      headcount: 7,
      receivedAt: new Date(g.receivedAt),
      assignments: [
        { role: 'lead', unitCode: 'town_a', unitName: '甲镇人民政府', status: 'accepted' },
        { role: 'co', unitCode: 'police_a', unitName: '甲镇派出所', status: 'created' },
      ],
      leadUnit: { role: 'lead', unitCode: 'town_a', unitName: '甲镇人民政府', status: 'accepted' },
      deadline: { step: 'acceptance', policyCode: 'accept_15d', state: 'running', startedAt: new Date(clock.startedAt), dueAt: new Date(clock.dueAt) },
      deadlines: [
        { step: 'acceptance', policyCode: 'accept_15d', state: 'running', startedAt: new Date(clock.startedAt), dueAt: new Date(clock.dueAt) },
      ],
    });
    expect(rpc.calls).toEqual([
      { subject: IntakeGetGrievance.subject, payload: { trackingCode: g.trackingCode } },
      { subject: RoutingListAssignments.subject, payload: { grievanceIds: [g.id] } },
      { subject: SupervisionListClocks.subject, payload: { grievanceIds: [g.id] } },
    ]);
  });

  it('asks routing and supervision at the same time, not one after the other', async () => {
    const g = aGrievance();
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const rpc = new FakeRpcClient()
      .on(IntakeGetGrievance, () => g)
      .on(RoutingListAssignments, async () => {
        started.push('routing');
        await gate;
        return [];
      })
      .on(SupervisionListClocks, async () => {
        started.push('supervision');
        await gate;
        return [];
      });

    const pending = lookupWith(rpc).byTrackingCode(g.trackingCode);
    await new Promise((r) => setImmediate(r));
    expect(started.sort()).toEqual(['routing', 'supervision']);
    release();
    await expect(pending).resolves.toMatchObject({ assignments: [], leadUnit: null, deadline: null });
  });

  it('answers null when intake does not know the code, without asking the others', async () => {
    const rpc = new FakeRpcClient().on(IntakeGetGrievance, () => {
      throw new RpcCallError('NOT_FOUND', 'no grievance with that tracking code');
    });
    await expect(lookupWith(rpc).byTrackingCode('YKB-NONE-0001')).resolves.toBeNull();
    expect(rpc.calls.map((c) => c.subject)).toEqual([IntakeGetGrievance.subject]);
  });

  it('lets any other failure through with its code (routing unavailable)', async () => {
    const g = aGrievance();
    const rpc = new FakeRpcClient().on(IntakeGetGrievance, () => g).on(SupervisionListClocks, () => []);
    const error = await lookupWith(rpc).byTrackingCode(g.trackingCode).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcCallError);
    expect((error as RpcCallError).code).toBe('UNAVAILABLE');
  });

  it('passes intake errors other than NOT_FOUND on', async () => {
    const rpc = new FakeRpcClient().on(IntakeGetGrievance, () => {
      throw new RpcCallError('INTERNAL', 'boom');
    });
    await expect(lookupWith(rpc).byTrackingCode('YKB-ANY-0001')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('composes a page of N grievances with one call to routing and one to supervision (no N+1)', async () => {
    const page = Array.from({ length: 7 }, (_, i) => aGrievance({ trackingCode: `YKB-2024-00010${i}` }));
    const rpc = new FakeRpcClient()
      .on(RoutingListAssignments, ({ grievanceIds }) => grievanceIds.filter((_, i) => i % 2 === 0).map((id) => anAssignment(id)))
      .on(SupervisionListClocks, ({ grievanceIds }) => grievanceIds.map((id) => aClock(id)));
    const views = await lookupWith(rpc).viewsOf(page);
    expect(rpc.calls.map((c) => c.subject)).toEqual([RoutingListAssignments.subject, SupervisionListClocks.subject]);
    expect(rpc.calls[0].payload).toEqual({ grievanceIds: page.map((g) => g.id) });
    expect(views.map((v) => v.trackingCode)).toEqual(page.map((g) => g.trackingCode));
    expect(views.map((v) => v.assignments.length)).toEqual([1, 0, 1, 0, 1, 0, 1]);
    expect(views.every((v) => v.deadline !== null)).toBe(true);
  });

  it('batches and caches per GraphQL operation: separate lookups in one operation share calls, another operation asks again', async () => {
    const [a, b] = [aGrievance({ trackingCode: 'YKB-2024-000201' }), aGrievance({ trackingCode: 'YKB-2024-000202' })];
    const rpc = new FakeRpcClient()
      .on(IntakeGetGrievance, ({ trackingCode }) => (trackingCode === a.trackingCode ? a : b))
      .on(RoutingListAssignments, () => [])
      .on(SupervisionListClocks, () => []);
    const lookup = lookupWith(rpc);
    const operation = {};
    await Promise.all([lookup.byTrackingCode(a.trackingCode, operation), lookup.byTrackingCode(b.trackingCode, operation)]);
    const batched = rpc.calls.filter((c) => c.subject !== IntakeGetGrievance.subject);
    expect(batched.map((c) => c.payload)).toEqual([{ grievanceIds: [a.id, b.id] }, { grievanceIds: [a.id, b.id] }]);
    await lookup.byTrackingCode(a.trackingCode, operation);
    expect(rpc.calls.filter((c) => c.subject !== IntakeGetGrievance.subject)).toHaveLength(2);
    await lookup.byTrackingCode(a.trackingCode, {});
    expect(rpc.calls.filter((c) => c.subject !== IntakeGetGrievance.subject)).toHaveLength(4);
  });
});
