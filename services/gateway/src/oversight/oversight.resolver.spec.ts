import {
  IntakeGetGrievance,
  SupervisionAssignCaseOwner,
  SupervisionBacklog,
  SupervisionCreateCampaign,
  SupervisionIssueNotice,
  SupervisionListNotices,
  SupervisionRespondToNotice,
  type AssignCaseOwner,
  type BacklogReason,
  type CreateCampaign,
  type GrievanceSummary,
  type IssueNotice,
  type NoticeQuery,
  type NoticeView,
} from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import type { Role } from '../auth/roles';
import { codeOf, resolverHarness } from '../auth/testing/resolver-harness';
import { OversightModule } from './oversight.module';

const CODE = '330621-26-3301K';
const grievance = { id: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0aa', trackingCode: CODE } as GrievanceSummary;
const NOTICE_ID = '0b6d3f1e-8c1a-4c55-9a77-3f5d2b9e0c11';
const notice = (over: Partial<NoticeView> = {}): NoticeView => ({
  id: NOTICE_ID,
  grievanceId: grievance.id,
  trackingCode: CODE,
  level: 'joint_office',
  listed: true,
  orgCode: 'org_hr',
  regionCode: '330621101',
  demands: '限期答复',
  state: 'issued',
  issuedBy: 'u-supervisor',
  issuerOrgCode: 'joint_office_330621',
  issuedAt: '2025-09-30T02:00:00.000Z',
  responseDueAt: '2025-10-09T16:00:00.000Z',
  fixDueAt: '2025-10-20T16:00:00.000Z',
  acceptedAt: null,
  overdue: false,
  responses: [],
  ...over,
});

describe('oversight in GraphQL (roles, unit scoping, tracking codes resolved; fake RPC)', () => {
  const gql = resolverHarness([OversightModule], { principal: (role) => ({ orgCode: role === 'unit_staff' ? 'org_hr' : 'joint_office_330621' }) });
  const { rpc, as } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
    rpc.on(IntakeGetGrievance, () => grievance);
  });
  const payloadOf = <T>(subject: string): T => rpc.calls.find((c) => c.subject === subject)?.payload as T;

  const ISSUE = `mutation ($i: IssueNoticeInput!) { issueNotice(input: $i) { id state level listed responseDueAt fixDueAt overdue } }`;

  it('issues a notice as the signed-in supervisor, resolving the tracking code with intake', async () => {
    rpc.on(SupervisionIssueNotice, () => notice());
    const res = await as<{ issueNotice: Record<string, unknown> }>('supervisor', ISSUE, { i: { trackingCode: CODE.toLowerCase(), level: 'JOINT_OFFICE', listed: true, demands: '限期答复', respondWithinWorkingDays: 5, fixWithinWorkingDays: 15 } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.issueNotice).toEqual({ id: NOTICE_ID, state: 'ISSUED', level: 'JOINT_OFFICE', listed: true, responseDueAt: '2025-10-09T16:00:00.000Z', fixDueAt: '2025-10-20T16:00:00.000Z', overdue: false });
    expect(payloadOf<IssueNotice>(SupervisionIssueNotice.subject)).toEqual({
      grievanceId: grievance.id, trackingCode: CODE, level: 'joint_office', listed: true, demands: '限期答复', respondWithinWorkingDays: 5, fixWithinWorkingDays: 15, by: { kind: 'staff', userId: 'u-supervisor', orgCode: 'joint_office_330621' },
    });
  });

  it('refuses a listed notice without a fix deadline, and roles that may not issue, before asking anyone', async () => {
    const noFix = await as('leader', ISSUE, { i: { trackingCode: CODE, level: 'SUPERVISION_OFFICE', listed: true, demands: 'x', respondWithinWorkingDays: 5 } });
    expect(codeOf(noFix)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(noFix.errors)).toContain('fixWithinWorkingDays');
    for (const role of ['unit_staff', 'command_operator', 'administrator'] as Role[]) {
      expect(codeOf(await as(role, ISSUE, { i: { trackingCode: CODE, level: 'JOINT_OFFICE', listed: false, demands: 'x', respondWithinWorkingDays: 5 } }))).toBe('FORBIDDEN');
    }
    expect(rpc.calls).toEqual([]);
  });

  it('lets a unit respond for itself only and passes the service’s refusal through', async () => {
    const RESPOND = `mutation ($i: RespondToNoticeInput!) { respondToNotice(input: $i) { state responses { round onTime } } }`;
    rpc.on(SupervisionRespondToNotice, ({ by }) => {
      if (by.orgCode !== 'org_hr') throw new RpcCallError('FORBIDDEN', 'not_addressee: 督办单不是发给本单位的', [{ field: 'noticeId', problems: ['other unit'] }]);
      return notice({ state: 'responded', responses: [{ round: 1, actions: 'a', result: 'r', respondedBy: 'u-unit_staff', respondedAt: '2025-10-08T02:00:00.000Z', onTime: true, verdict: null, reviewNote: null, reviewedBy: null, reviewedAt: null }] });
    });
    const ok = await as<{ respondToNotice: unknown }>('unit_staff', RESPOND, { i: { noticeId: NOTICE_ID, actions: '已约谈', result: '已支付' } });
    expect(ok.data?.respondToNotice).toEqual({ state: 'RESPONDED', responses: [{ round: 1, onTime: true }] });
    expect(payloadOf<{ by: unknown }>(SupervisionRespondToNotice.subject).by).toEqual({ kind: 'staff', userId: 'u-unit_staff', orgCode: 'org_hr' });
    expect(codeOf(await as('supervisor', RESPOND, { i: { noticeId: NOTICE_ID, actions: 'a', result: 'r' } }))).toBe('FORBIDDEN');
  });

  it('lists notices as a connection; a unit is held to its own, overdue on request', async () => {
    rpc.on(SupervisionListNotices, () => ({ items: [{ ...notice({ overdue: true }), cursor: 'c1' }], nextCursor: 'c1' }));
    const LIST = `query ($f: NoticeFilter, $first: Int) { notices(filter: $f, first: $first) { edges { cursor node { id overdue } } pageInfo { hasNextPage endCursor } } }`;
    const res = await as<{ notices: unknown }>('unit_staff', LIST, { f: { overdue: true }, first: 1 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.notices).toEqual({ edges: [{ cursor: 'c1', node: { id: NOTICE_ID, overdue: true } }], pageInfo: { hasNextPage: true, endCursor: 'c1' } });
    expect(payloadOf<NoticeQuery>(SupervisionListNotices.subject)).toEqual({ orgCode: 'org_hr', regionCode: '330621', overdue: true, limit: 1 });
    expect(codeOf(await as('unit_staff', LIST, { f: { orgCode: 'org_police' } }))).toBe('FORBIDDEN');
    expect(codeOf(await as('court', LIST))).toBe('FORBIDDEN');
  });

  it('lets a leader own a case as themself only; a supervisor names the leader', async () => {
    const ASSIGN = `mutation ($i: AssignCaseOwnerInput!) { assignCaseOwner(input: $i) { leaderUserId since plan } }`;
    rpc.on(SupervisionAssignCaseOwner, (cmd) => ({ grievanceId: cmd.grievanceId, trackingCode: cmd.trackingCode, leaderUserId: cmd.leaderUserId, leaderName: null, since: '2026-03-02T02:00:00.000Z', plan: cmd.plan, assignedBy: cmd.by.userId ?? '' }));
    const mine = await as<{ assignCaseOwner: unknown }>('leader', ASSIGN, { i: { trackingCode: CODE, plan: '两周内化解' } });
    expect(mine.data?.assignCaseOwner).toEqual({ leaderUserId: 'u-leader', since: '2026-03-02T02:00:00.000Z', plan: '两周内化解' });
    expect(payloadOf<AssignCaseOwner>(SupervisionAssignCaseOwner.subject)).toMatchObject({ grievanceId: grievance.id, leaderUserId: 'u-leader' });
    expect(codeOf(await as('leader', ASSIGN, { i: { trackingCode: CODE, plan: 'x', leaderUserId: 'u-someone' } }))).toBe('FORBIDDEN');
    expect(codeOf(await as('supervisor', ASSIGN, { i: { trackingCode: CODE, plan: 'x' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as('unit_staff', ASSIGN, { i: { trackingCode: CODE, plan: 'x' } }))).toBe('FORBIDDEN');
  });

  it('reads the backlog with owner, age and reasons; the unit may not', async () => {
    rpc.on(SupervisionBacklog, () => ({
      items: [{ grievanceId: grievance.id, trackingCode: CODE, regionCode: '330621101', orgCode: 'org_hr', categoryCode: 'wages', receivedAt: '2025-12-01T02:00:00.000Z', ageDays: 91, repeats: 3, handlingOverdue: true, status: 'handling', reasons: ['aged', 'repeated', 'handling_overdue'] as BacklogReason[], owner: null, openNotices: 1, cursor: 'b1' }],
      nextCursor: null,
      minAgeDays: 60,
      minRepeats: 3,
    }));
    const BACKLOG = `query ($f: BacklogFilter) { backlog(filter: $f) { minAgeDays edges { node { trackingCode ageDays repeats reasons owner { leaderUserId } openNotices } } pageInfo { hasNextPage } } }`;
    const res = await as<{ backlog: unknown }>('command_operator', BACKLOG, { f: { minRepeats: 3 } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.backlog).toEqual({ minAgeDays: 60, edges: [{ node: { trackingCode: CODE, ageDays: 91, repeats: 3, reasons: ['AGED', 'REPEATED', 'HANDLING_OVERDUE'], owner: null, openNotices: 1 } }], pageInfo: { hasNextPage: false } });
    expect(payloadOf(SupervisionBacklog.subject)).toEqual({ regionCode: '330621', minRepeats: 3 });
    expect(codeOf(await as('unit_staff', BACKLOG))).toBe('FORBIDDEN');
  });

  it('creates a campaign from tracking codes (duplicates collapse), and refuses a malformed code', async () => {
    rpc.on(SupervisionCreateCampaign, (cmd) => ({ id: NOTICE_ID, name: cmd.name, description: null, regionCode: cmd.regionCode ?? null, createdBy: 'u-supervisor', createdAt: '2026-03-02T02:00:00.000Z', total: 1, closed: 0, overdue: 0, trackingCodes: [CODE] }));
    const CREATE = `mutation ($i: CreateCampaignInput!) { createCampaign(input: $i) { name total closed overdue trackingCodes } }`;
    const res = await as<{ createCampaign: unknown }>('supervisor', CREATE, { i: { name: '欠薪专项治理', trackingCodes: [CODE, CODE.toLowerCase()] } });
    expect(res.data?.createCampaign).toEqual({ name: '欠薪专项治理', total: 1, closed: 0, overdue: 0, trackingCodes: [CODE] });
    expect(payloadOf<CreateCampaign>(SupervisionCreateCampaign.subject)).toEqual({ name: '欠薪专项治理', regionCode: '330621', cases: [{ grievanceId: grievance.id, trackingCode: CODE }], by: { kind: 'staff', userId: 'u-supervisor', orgCode: 'joint_office_330621' } });
    expect(codeOf(await as('supervisor', CREATE, { i: { name: 'x', trackingCodes: ['bad code!'] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as('command_operator', CREATE, { i: { name: 'x' } }))).toBe('FORBIDDEN');
  });
});
