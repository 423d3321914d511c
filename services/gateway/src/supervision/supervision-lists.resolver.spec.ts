import { SupervisionListDeadlineExtensions, SupervisionListPublicEvaluations, type DeadlineExtensionView, type ListDeadlineExtensions, type ListPublicEvaluations, type PublicEvaluationView } from '@yikouban/contracts';
import { codeOf, resolverHarness } from '../auth/testing/resolver-harness';
import type { Role } from '../auth/roles';
import { StaffDirectory, type StaffDirectoryEntry } from '../identity/staff-directory.service';
import { ReceptionModule } from '../reception/reception.module';
import { StaffDirectoryResolver } from '../staff-directory/staff-directory.resolver';
import { SupervisionModule } from './supervision.module';

const request: DeadlineExtensionView = {
  id: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0f1',
  grievanceId: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a001',
  trackingCode: '330621-26-2223G',
  clockId: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0c1',
  days: 10,
  reason: '需要调取账册',
  status: 'pending',
  requestedBy: 'u-unit_staff',
  requestedOrg: 'dept_human_resources',
  requestedAt: '2026-03-02T02:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  note: null,
  previousDueAt: '2026-04-30T16:00:00.000Z',
  newDueAt: null,
};
const evaluation: PublicEvaluationView = {
  id: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0e1',
  grievanceId: request.grievanceId,
  trackingCode: request.trackingCode,
  matter: '处理意见是否妥当',
  status: 'open',
  quorum: 2,
  panel: [],
  tally: { support: 0, oppose: 0, abstain: 0, notVoted: 3 },
  opinion: null,
  rule: 'majority_of_votes_cast_v1',
  recommendations: null,
  openedAt: '2026-03-02T02:00:00.000Z',
  openedBy: 'u-supervisor',
  concludedAt: null,
};
const people: StaffDirectoryEntry[] = [{ id: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0d9', displayName: '城关镇包案领导 周涛', role: 'leader', orgCode: 'town_330621101' }];

describe('the lists a decider picks from in GraphQL: extension requests, public evaluations, the staff directory (fake RPC)', () => {
  const asked: { role: string; orgCode?: string }[] = [];
  const directory = { list: (role: Role, orgCode?: string) => (asked.push({ role, ...(orgCode ? { orgCode } : {}) }), Promise.resolve(people)) };
  const gql = resolverHarness([SupervisionModule, ReceptionModule], {
    providers: [StaffDirectoryResolver, { provide: StaffDirectory, useValue: directory }],
    principal: (role) => (role === 'unit_staff' ? { orgCode: 'dept_human_resources' } : { orgCode: 'joint_office_330621' }),
  });
  const { rpc, as } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
    asked.length = 0;
    rpc.on(SupervisionListDeadlineExtensions, () => ({ items: [{ ...request, cursor: 'c1' }], nextCursor: 'c1' }));
    rpc.on(SupervisionListPublicEvaluations, () => ({ items: [{ ...evaluation, cursor: 'e1' }], nextCursor: null }));
  });
  const payloadOf = <T>(subject: string): T => rpc.calls.find((c) => c.subject === subject)?.payload as T;

  const REQUESTS = `query ($state: DeadlineExtensionStatus, $first: Int, $after: String) { deadlineExtensionRequests(state: $state, first: $first, after: $after) { edges { cursor node { id trackingCode status days requestedOrg } } pageInfo { hasNextPage endCursor } } }`;

  it('a supervisor sees the pending requests of the region, paged', async () => {
    const res = await as('supervisor', REQUESTS, { state: 'PENDING', first: 5, after: 'c0' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.deadlineExtensionRequests).toEqual({
      edges: [{ cursor: 'c1', node: { id: request.id, trackingCode: request.trackingCode, status: 'PENDING', days: 10, requestedOrg: 'dept_human_resources' } }],
      pageInfo: { hasNextPage: true, endCursor: 'c1' },
    });
    expect(payloadOf<ListDeadlineExtensions>(SupervisionListDeadlineExtensions.subject)).toEqual({ status: 'pending', regionCode: '330621', limit: 5, cursor: 'c0' });
  });

  it('a unit sees only its own requests, whatever its region', async () => {
    await as('unit_staff', REQUESTS, {});
    expect(payloadOf<ListDeadlineExtensions>(SupervisionListDeadlineExtensions.subject)).toEqual({ orgCode: 'dept_human_resources', limit: 20 });
    expect(codeOf(await as({ ...gql.principal('unit_staff'), orgCode: undefined }, REQUESTS, {}))).toBe('FORBIDDEN');
  });

  it('refuses other roles and a page size out of range', async () => {
    for (const role of ['command_operator', 'reception_clerk', 'court'] as const) expect(codeOf(await as(role, REQUESTS, {}))).toBe('FORBIDDEN');
    expect(codeOf(await as('leader', REQUESTS, { first: 101 }))).toBe('BAD_USER_INPUT');
    expect(rpc.calls).toHaveLength(0);
  });

  const EVALUATIONS = `query ($state: PublicEvaluationStatus, $g: ID, $first: Int) { publicEvaluations(state: $state, grievanceId: $g, first: $first) { edges { cursor node { id status trackingCode tally { notVoted } } } pageInfo { hasNextPage endCursor } } }`;

  it('lists public evaluations in the reader’s region; only supervisors, leaders and administrators read them', async () => {
    const res = await as('leader', EVALUATIONS, { state: 'OPEN', g: evaluation.grievanceId, first: 10 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.publicEvaluations).toEqual({ edges: [{ cursor: 'e1', node: { id: evaluation.id, status: 'OPEN', trackingCode: evaluation.trackingCode, tally: { notVoted: 3 } } }], pageInfo: { hasNextPage: false, endCursor: 'e1' } });
    expect(payloadOf<ListPublicEvaluations>(SupervisionListPublicEvaluations.subject)).toEqual({ status: 'open', grievanceId: evaluation.grievanceId, regionCode: '330621', limit: 10 });
    expect((await as('administrator', EVALUATIONS, {})).errors).toBeUndefined();
    expect(codeOf(await as('unit_staff', EVALUATIONS, {}))).toBe('FORBIDDEN');
    expect(codeOf(await as('supervisor', EVALUATIONS, { g: 'not-an-id' }))).toBe('BAD_USER_INPUT');
  });

  const DIRECTORY = `query ($role: Role!, $org: String) { staffDirectory(role: $role, orgCode: $org) { id displayName role orgCode } }`;

  it('the staff directory gives the work name of enabled staff by role, to those who name people on forms', async () => {
    for (const role of ['supervisor', 'leader', 'administrator', 'reception_clerk'] as const) {
      const res = await as(role, DIRECTORY, { role: 'LEADER', org: 'town_330621101' });
      expect(res.errors).toBeUndefined();
      expect(res.data?.staffDirectory).toEqual([{ ...people[0], role: 'LEADER' }]);
    }
    expect(asked[0]).toEqual({ role: 'leader', orgCode: 'town_330621101' });
    for (const role of ['unit_staff', 'command_operator', 'court'] as const) expect(codeOf(await as(role, DIRECTORY, { role: 'LEADER' }))).toBe('FORBIDDEN');
    expect(codeOf(await as('supervisor', DIRECTORY, { role: 'CITIZEN' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as('supervisor', DIRECTORY, { role: 'LEADER', org: 'Bad Code!' }))).toBe('BAD_USER_INPUT');
  });
});
