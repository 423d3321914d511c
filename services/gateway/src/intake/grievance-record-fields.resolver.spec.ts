import {
  IntakeGetGrievanceById,
  IntakeListGrievances,
  RoutingListAssignmentsByGrievanceIds,
  RoutingListTriageByGrievanceIds,
  SupervisionListClocksByGrievanceIds,
  type TriageSummary,
  type GrievanceRecord,
  type GrievanceSummary,
} from '@yikouban/contracts';
import type { Principal } from '../auth/roles';
import { resolverHarness } from '../auth/testing/resolver-harness';
import { aClock, aGrievance, anAssignment } from '../grievance/testing/grievance-fixtures';
import { IntakeModule } from './intake.module';

function aRecord(g: GrievanceSummary): GrievanceRecord {
  return {
    ...g,
    description: '小区电梯停运两周无人维修。',
    receivedAtLevel: 'county',
    skipLevel: null,
    accusation: false,
    anonymous: false,
    petitioner: { name: '高*国', phone: '138****0000', idNumber: null },
    petitionerWithheld: false,
    representatives: [],
    mergedInto: null,
  };
}

const operator: Principal = { kind: 'staff', id: 'u-operator', role: 'command_operator', orgCode: 'command_centre', regionCode: '330621', scopes: [] };

const LIST = `query ($first: Int) { grievances(first: $first) { totalCount edges { node {
  trackingCode
  leadUnit { unitCode unitName role status }
  deadline { step state dueAt }
  deadlines { step dueAt }
} } } }`;

describe('grievance records: lead unit and deadlines without N+1 (fake RPC)', () => {
  const gql = resolverHarness([IntakeModule], { auth: false });
  const { rpc } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => (rpc.calls.length = 0));

  // The principal as the auth guard leaves it on the context (the guard itself is not in this module).
  const ask = (query: string, variables: Record<string, unknown> = {}) => gql.execute(query, variables, { req: {}, principal: operator });

  const subjects = () => rpc.calls.map((c) => c.subject);

  it('a page of N grievances costs one call to intake, one to routing and one to supervision', async () => {
    const page = Array.from({ length: 7 }, (_, i) => aGrievance({ trackingCode: `330621-26-000${i}X`, regionCode: '330621101201' }));
    const [first, second] = page;
    rpc
      .on(IntakeListGrievances, () => ({ edges: page.map((g) => ({ cursor: `c-${g.id}`, node: aRecord(g) })), pageInfo: { hasNextPage: false, endCursor: null }, totalCount: page.length }))
      .on(RoutingListAssignmentsByGrievanceIds, ({ grievanceIds }) =>
        grievanceIds.flatMap((id) => (id === second.id ? [] : [anAssignment(id, { role: 'co', orgCode: 'civil_affairs', orgName: '县民政局' }), anAssignment(id)])),
      )
      .on(SupervisionListClocksByGrievanceIds, ({ grievanceIds }) =>
        grievanceIds.flatMap((id) =>
          id === second.id ? [] : [aClock(id, { step: 'handling', dueAt: '2025-02-20T09:00:00.000Z' }), aClock(id, { step: 'first_feedback', dueAt: '2024-12-05T09:00:00.000Z' }), aClock(id, { step: 'acceptance', state: 'stopped' })],
        ),
      );

    const { data, errors } = await ask(LIST, { first: 7 });
    expect(errors).toBeUndefined();
    expect(subjects().sort()).toEqual([IntakeListGrievances.subject, RoutingListAssignmentsByGrievanceIds.subject, SupervisionListClocksByGrievanceIds.subject].sort());
    expect(rpc.calls.find((c) => c.subject === RoutingListAssignmentsByGrievanceIds.subject)?.payload).toEqual({ grievanceIds: page.map((g) => g.id) });
    expect(rpc.calls.find((c) => c.subject === SupervisionListClocksByGrievanceIds.subject)?.payload).toEqual({ grievanceIds: page.map((g) => g.id) });

    const nodes = (data as { grievances: { edges: { node: Record<string, unknown> }[] } }).grievances.edges.map((e) => e.node);
    expect(nodes).toHaveLength(7);
    expect(nodes[0]).toEqual({
      trackingCode: first.trackingCode,
      leadUnit: { unitCode: 'housing_bureau', unitName: '县住房和城乡建设局', role: 'LEAD', status: 'accepted' },
      deadline: { step: 'first_feedback', state: 'RUNNING', dueAt: '2024-12-05T09:00:00.000Z' },
      deadlines: [
        { step: 'first_feedback', dueAt: '2024-12-05T09:00:00.000Z' },
        { step: 'handling', dueAt: '2025-02-20T09:00:00.000Z' },
      ],
    });
    // Not yet assigned, no clock running: nulls and an empty list, not errors.
    expect(nodes[1]).toEqual({ trackingCode: second.trackingCode, leadUnit: null, deadline: null, deadlines: [] });
  });

  it('asks routing and supervision nothing when no node asks for their fields', async () => {
    const page = [aGrievance(), aGrievance({ trackingCode: 'YKB-2024-000124' })];
    rpc.on(IntakeListGrievances, () => ({ edges: page.map((g) => ({ cursor: g.id, node: aRecord(g) })), pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 2 }));
    const { errors } = await ask(`{ grievances { edges { node { trackingCode } } } }`);
    expect(errors).toBeUndefined();
    expect(subjects()).toEqual([IntakeListGrievances.subject]);
  });

  const aTriage = (grievanceId: string, over: Partial<TriageSummary> = {}): TriageSummary => ({
    grievanceId,
    decisionId: `d-${grievanceId}`,
    categoryCode: 'wage_arrears',
    statutoryPath: 'arbitration',
    diversion: null,
    complexity: 'urgent',
    colour: 'orange',
    reason: { zh: '劳动报酬争议，先行劳动仲裁', en: 'labour pay dispute: labour arbitration first' },
    listVersion: 3,
    decidedBy: 'auto',
    decidedAt: '2024-12-01T08:00:00.000Z',
    overridden: false,
    ...over,
  });

  it('a page of N grievances costs one triage call to routing, and an untriaged one answers null', async () => {
    const page = Array.from({ length: 9 }, (_, i) => aGrievance({ trackingCode: `330621-26-010${i}X`, regionCode: '330621101201' }));
    const [first, untriaged, overridden] = page;
    rpc
      .on(IntakeListGrievances, () => ({ edges: page.map((g) => ({ cursor: `c-${g.id}`, node: aRecord(g) })), pageInfo: { hasNextPage: false, endCursor: null }, totalCount: page.length }))
      .on(RoutingListTriageByGrievanceIds, ({ grievanceIds }) =>
        grievanceIds.filter((id) => id !== untriaged.id).map((id) => (id === overridden.id ? aTriage(id, { colour: 'red', overridden: true, decidedBy: 'u-operator' }) : aTriage(id))),
      );
    const { data, errors } = await ask(`query ($first: Int) { grievances(first: $first) { edges { node { trackingCode
      triage { colour statutoryPath complexity diversion reason reasonEn categoryCode listVersion decidedAt overridden }
      again: triage { colour } } } } }`, { first: 9 });
    expect(errors).toBeUndefined();
    expect(subjects().sort()).toEqual([IntakeListGrievances.subject, RoutingListTriageByGrievanceIds.subject].sort());
    expect(rpc.calls.find((c) => c.subject === RoutingListTriageByGrievanceIds.subject)?.payload).toEqual({ grievanceIds: page.map((g) => g.id) });
    const nodes = (data as { grievances: { edges: { node: { trackingCode: string; triage: Record<string, unknown> | null } }[] } }).grievances.edges.map((e) => e.node);
    expect(nodes[0].triage).toEqual({
      colour: 'ORANGE',
      statutoryPath: 'ARBITRATION',
      complexity: 'URGENT',
      diversion: null,
      reason: '劳动报酬争议，先行劳动仲裁',
      reasonEn: 'labour pay dispute: labour arbitration first',
      categoryCode: 'wage_arrears',
      listVersion: 3,
      decidedAt: '2024-12-01T08:00:00.000Z',
      overridden: false,
    });
    expect(nodes[0].trackingCode).toBe(first.trackingCode);
    expect(nodes[1].triage).toBeNull();
    expect(nodes[2].triage).toMatchObject({ colour: 'RED', overridden: true });
  });

  it('gives grievanceById the same fields', async () => {
    const g = aGrievance({ regionCode: '330621101201' });
    rpc
      .on(IntakeGetGrievanceById, () => aRecord(g))
      .on(RoutingListAssignmentsByGrievanceIds, ({ grievanceIds }) => grievanceIds.map((id) => anAssignment(id)))
      .on(SupervisionListClocksByGrievanceIds, () => []);
    const { data, errors } = await ask(`query ($id: ID!) { grievanceById(id: $id) { leadUnit { unitCode } deadline { step } deadlines { step } } }`, { id: g.id });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ grievanceById: { leadUnit: { unitCode: 'housing_bureau' }, deadline: null, deadlines: [] } });
  });
});
