import {
  RoutingAcceptAssignment,
  RoutingAssignmentInbox,
  RoutingAssignmentQueue,
  RoutingDecideJurisdiction,
  RoutingGetClassificationList,
  RoutingListAssignments,
  RoutingOverrideTriage,
  RoutingPublishClassificationList,
  RoutingPublishRuleSet,
  RoutingReassignAssignment,
  RoutingReplyToGrievance,
  RoutingReturnAssignment,
  type AssignmentInbox,
  type PublishRuleSet,
  type ReplyToGrievance,
} from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import type { Principal, Role } from '../auth/roles';
import { codeOf, resolverHarness } from '../auth/testing/resolver-harness';
import { anAssignment } from '../grievance/testing/grievance-fixtures';
import { aCategory, anAssignmentView, anInboxItem, aPage, aPublication } from './testing/workbench-fixtures';
import { WorkbenchModule } from './workbench.module';

const ORG: Partial<Record<Role, string>> = {
  unit_staff: 'dept_human_resources',
  leader: 'town_330621101',
  command_operator: 'command_330621',
  supervisor: 'joint_office_330621',
  administrator: 'command_330621',
};
const principal = (role: Role, over: Partial<Principal> = {}): Principal => ({ kind: 'staff', id: `u-${role}`, role, orgCode: ORG[role], regionCode: '330621', scopes: [], ...over });

const LETTER = { request: '要求支付拖欠工资', facts: '拖欠属实', reasons: '依据工资支付记录', opinion: '责令十日内支付', legalBasis: ['《保障农民工工资支付条例》第三十条'], conclusion: 'SUPPORT' };

describe('the workbench in GraphQL (guard, scoping to the unit, validation and error codes; fake RPC)', () => {
  const gql = resolverHarness([WorkbenchModule], { principal });
  const { rpc, as } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
  });
  const payloadOf = <T>(subject: string): T => rpc.calls.find((c) => c.subject === subject)?.payload as T;

  const MY = `query ($first: Int, $after: String, $status: [AssignmentStatus!]) {
    myAssignments(first: $first, after: $after, status: $status) {
      edges { cursor node { id role unitCode status trackingCode returnDeadlineAt createdAt otherUnits { role unitCode status } } }
      pageInfo { hasNextPage endCursor } } }`;
  const ACCEPT = 'mutation ($id: ID!) { acceptAssignment(id: $id) { id status } }';

  describe("a unit's inbox", () => {
    it("asks for the caller's own unit only and answers a connection with routing's cursors", async () => {
      const mine = anInboxItem();
      const older = anInboxItem({ status: 'accepted', createdAt: '2026-11-29T02:00:00.000Z' });
      rpc.on(RoutingAssignmentInbox, () => aPage([mine, older], true));
      rpc.on(RoutingListAssignments, ({ grievanceId }) => [
        anAssignment(grievanceId, { id: grievanceId === mine.grievanceId ? mine.id : older.id, orgCode: 'dept_human_resources' }),
        anAssignment(grievanceId, { role: 'co', orgCode: 'dept_housing', orgName: '青川县住房和城乡建设局', status: 'created' }),
      ]);
      const a = await as<{ myAssignments: { edges: { cursor: string; node: { id: string; role: string; otherUnits: unknown[] } }[]; pageInfo: unknown } }>('unit_staff', MY, {
        first: 2,
        after: 'prev',
        status: ['CREATED', 'ACCEPTED'],
      });
      expect(a.errors).toBeUndefined();
      expect(payloadOf<AssignmentInbox>(RoutingAssignmentInbox.subject)).toEqual({ orgCode: 'dept_human_resources', status: ['created', 'accepted'], cursor: 'prev', limit: 2 });
      expect(a.data?.myAssignments.edges.map((e) => e.cursor)).toEqual([mine.cursor, older.cursor]);
      expect(a.data?.myAssignments.pageInfo).toEqual({ hasNextPage: true, endCursor: older.cursor });
      expect(a.data?.myAssignments.edges[0].node).toMatchObject({ id: mine.id, role: 'LEAD', returnDeadlineAt: mine.returnDeadlineAt, createdAt: mine.createdAt, otherUnits: [{ role: 'CO', unitCode: 'dept_housing', status: 'created' }] });
    });

    it('defaults to 20 a page and asks nothing of a unit-less account (FORBIDDEN)', async () => {
      rpc.on(RoutingAssignmentInbox, () => aPage([]));
      await as('leader', MY);
      expect(payloadOf<AssignmentInbox>(RoutingAssignmentInbox.subject)).toEqual({ orgCode: 'town_330621101', limit: 20 });
      rpc.calls.length = 0;
      const a = await as(principal('unit_staff', { orgCode: undefined }), MY);
      expect(codeOf(a)).toBe('FORBIDDEN');
      expect(rpc.calls).toEqual([]);
    });

    it('is not for the command centre, the court or an administrator', async () => {
      for (const role of ['command_operator', 'court', 'administrator'] as Role[]) expect(codeOf(await as(role, MY))).toBe('FORBIDDEN');
      expect(rpc.calls).toEqual([]);
    });
  });

  describe("a unit's actions", () => {
    it('acts as the signed-in unit, whatever the arguments; routing refusing another unit’s assignment is FORBIDDEN', async () => {
      const id = anAssignmentView().id;
      rpc.on(RoutingAcceptAssignment, ({ by }) => {
        throw new RpcCallError('FORBIDDEN', `actor_not_permitted: 单位 ${by.orgCode} 不能对该交办事项执行 accept`, [{ field: 'by.orgCode', problems: ['actor_not_permitted'] }]);
      });
      const a = await as('unit_staff', ACCEPT, { id });
      expect(payloadOf(RoutingAcceptAssignment.subject)).toEqual({ assignmentId: id, by: { userId: 'u-unit_staff', orgCode: 'dept_human_resources' } });
      expect(codeOf(a)).toBe('FORBIDDEN');
      expect(a.errors?.[0].message).toContain('actor_not_permitted');
    });

    it('answers the assignment with its new status', async () => {
      const view = anAssignmentView({ status: 'accepted', acceptedAt: '2026-11-30T03:00:00.000Z' });
      rpc.on(RoutingAcceptAssignment, () => view);
      rpc.on(RoutingListAssignments, ({ grievanceId }) => [anAssignment(grievanceId, { id: view.id }), anAssignment(grievanceId, { role: 'co', orgCode: 'dept_housing', status: 'created' })]);
      const a = await as<{ acceptAssignment: unknown }>('unit_staff', 'mutation ($id: ID!) { acceptAssignment(id: $id) { id status acceptedAt otherUnits { role unitCode } } }', { id: view.id });
      expect(a.data?.acceptAssignment).toEqual({ id: view.id, status: 'ACCEPTED', acceptedAt: view.acceptedAt, otherUnits: [{ role: 'CO', unitCode: 'dept_housing' }] });
    });

    it('sends the 处理意见书 with its conclusion as the wire value', async () => {
      const view = anAssignmentView({ status: 'replied' });
      rpc.on(RoutingReplyToGrievance, ({ letter }) => ({ ...view, reply: { letter, contributions: [], by: { userId: 'u-unit_staff', orgCode: 'dept_human_resources' }, repliedAt: '2026-11-30T04:00:00.000Z' } }));
      const a = await as<{ replyToAssignment: { status: string; reply: { letter: { conclusion: string }; by: { unitCode: string } } } }>(
        'unit_staff',
        'mutation ($id: ID!, $input: ReplyLetterInput!) { replyToAssignment(id: $id, input: $input) { status reply { letter { conclusion legalBasis } by { unitCode } } } }',
        { id: view.id, input: LETTER },
      );
      expect(a.errors).toBeUndefined();
      expect(payloadOf<ReplyToGrievance>(RoutingReplyToGrievance.subject).letter).toEqual({ ...LETTER, conclusion: 'support' });
      expect(a.data?.replyToAssignment).toMatchObject({ status: 'REPLIED', reply: { letter: { conclusion: 'SUPPORT' }, by: { unitCode: 'dept_human_resources' } } });
    });

    it('refuses malformed input as BAD_USER_INPUT naming the field, before asking routing', async () => {
      const badId = await as('unit_staff', 'mutation { returnAssignment(id: "not-a-uuid", reason: "不属本单位") { id } }');
      expect(codeOf(badId)).toBe('BAD_USER_INPUT');
      expect(badId.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'id' })]);
      const noBasis = await as('unit_staff', 'mutation ($id: ID!, $input: ReplyLetterInput!) { replyToAssignment(id: $id, input: $input) { id } }', {
        id: anAssignmentView().id,
        input: { ...LETTER, legalBasis: [] },
      });
      expect(codeOf(noBasis)).toBe('BAD_USER_INPUT');
      expect(noBasis.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'input.legalBasis' })]);
      expect(rpc.calls).toEqual([]);
    });

    it("passes routing's CONFLICT (return window closed) on with its message and fields", async () => {
      rpc.on(RoutingReturnAssignment, () => {
        throw new RpcCallError('CONFLICT', 'return_window_closed: 已超过退回期限', [{ field: 'assignmentId', problems: ['return_window_closed: 已超过退回期限'] }]);
      });
      const a = await as('unit_staff', 'mutation ($id: ID!) { returnAssignment(id: $id, reason: "不属本单位职责") { id } }', { id: anAssignmentView().id });
      expect(a.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: [{ field: 'assignmentId', problems: ['return_window_closed: 已超过退回期限'] }] });
    });

    it('reports SERVICE_UNAVAILABLE when routing does not answer', async () => {
      const a = await as('unit_staff', 'mutation ($id: ID!) { reportProgress(id: $id, note: "已约谈总包单位") { id } }', { id: anAssignmentView().id });
      expect(codeOf(a)).toBe('SERVICE_UNAVAILABLE');
    });
  });

  describe('the command centre', () => {
    it("lists returned and disputed work within the operator's region", async () => {
      rpc.on(RoutingAssignmentQueue, () => aPage([anInboxItem({ status: 'awaiting_reassignment' })]));
      const a = await as<{ assignmentQueue: { edges: { node: { status: string } }[] } }>('command_operator', '{ assignmentQueue(status: [AWAITING_REASSIGNMENT]) { edges { node { status } } } }');
      expect(a.data?.assignmentQueue.edges).toEqual([{ node: { status: 'AWAITING_REASSIGNMENT' } }]);
      expect(payloadOf(RoutingAssignmentQueue.subject)).toEqual({ status: ['awaiting_reassignment'], regionCode: '330621', limit: 20 });
    });

    it('reassigns as the command centre and overrides triage as the operator; units may do neither', async () => {
      const id = anAssignmentView().id;
      rpc.on(RoutingReassignAssignment, () => anAssignmentView({ orgCode: 'dept_housing' }));
      const ok = await as('command_operator', 'mutation ($id: ID!) { reassignAssignment(id: $id, toUnitCode: "dept_housing", reason: "属住建职责") { unitCode } }', { id });
      expect(ok.data).toEqual({ reassignAssignment: { unitCode: 'dept_housing' } });
      expect(payloadOf(RoutingReassignAssignment.subject)).toEqual({ assignmentId: id, toOrgCode: 'dept_housing', reason: '属住建职责', by: { userId: 'u-command_operator', orgCode: 'command_330621' } });

      rpc.on(RoutingOverrideTriage, (c) => ({
        decisionId: id, grievanceId: c.grievanceId, categoryCode: 'wage_arrears', statutoryPath: 'petition', diversion: null, complexity: 'difficult', colour: c.colour ?? 'red',
        colourPolicy: 'urgency_4', guidedTo: null, decidedBy: c.operatorId, decidedAt: '2026-11-30T05:00:00.000Z', replaces: null, overrideReason: c.reason,
      }));
      const override = await as<{ overrideTriage: unknown }>('command_operator', 'mutation ($g: ID!) { overrideTriage(grievanceId: $g, colour: ORANGE, reason: "涉及十二人") { colour decidedBy overrideReason } }', { g: id });
      expect(override.data?.overrideTriage).toEqual({ colour: 'ORANGE', decidedBy: 'u-command_operator', overrideReason: '涉及十二人' });

      rpc.calls.length = 0;
      expect(codeOf(await as('unit_staff', 'mutation ($id: ID!) { reassignAssignment(id: $id, toUnitCode: "dept_housing", reason: "x") { id } }', { id }))).toBe('FORBIDDEN');
      expect(codeOf(await as('unit_staff', 'mutation ($g: ID!) { overrideTriage(grievanceId: $g, colour: RED, reason: "x") { colour } }', { g: id }))).toBe('FORBIDDEN');
      expect(rpc.calls).toEqual([]);
    });

    it('lets the joint conference office decide a dispute as itself', async () => {
      rpc.on(RoutingDecideJurisdiction, (c) => ({
        id: c.disputeId, grievanceId: c.disputeId, trackingCode: '330621-26-3301W', status: 'decided' as const, basis: 'joint_conference' as const, escalatedToOrgCode: 'joint_office_330621', escalatedToOrgName: '县信访工作联席会议办公室',
        disputants: [], openedAt: '2026-11-30T01:00:00.000Z',
        decision: { leadOrgCode: c.leadOrgCode, coOrgCodes: c.coOrgCodes ?? [], reason: c.reason, by: c.by, decidedAt: '2026-11-30T06:00:00.000Z', assignmentIds: [] },
      }));
      const disputeId = anAssignmentView().id;
      const a = await as<{ decideJurisdiction: unknown }>('supervisor', 'mutation ($d: ID!) { decideJurisdiction(disputeId: $d, leadUnitCode: "dept_housing", coUnitCodes: ["dept_human_resources"], reason: "项目工程款问题") { status decision { leadUnitCode by { unitCode } } } }', { d: disputeId });
      expect(a.data?.decideJurisdiction).toEqual({ status: 'DECIDED', decision: { leadUnitCode: 'dept_housing', by: { unitCode: 'joint_office_330621' } } });
      expect(codeOf(await as('unit_staff', 'mutation ($d: ID!) { decideJurisdiction(disputeId: $d, leadUnitCode: "dept_housing", reason: "x") { id } }', { d: disputeId }))).toBe('FORBIDDEN');
    });
  });

  describe('administration of the classification list and routing rules', () => {
    it('shows the list in force to an administrator only', async () => {
      rpc.on(RoutingGetClassificationList, () => ({ ...aPublication(), categories: [aCategory()] }));
      const a = await as<{ classificationList: unknown }>('administrator', '{ classificationList { version current categories { code matterClass statutoryPaths defaultColour laws } } }');
      expect(a.data?.classificationList).toEqual({ version: 1, current: true, categories: [{ code: 'wage_arrears', matterClass: 'CLAIM', statutoryPaths: ['ARBITRATION', 'LITIGATION', 'PETITION'], defaultColour: 'RED', laws: ['《保障农民工工资支付条例》第三十条'] }] });
      rpc.calls.length = 0;
      for (const role of ['command_operator', 'unit_staff', 'supervisor'] as Role[]) expect(codeOf(await as(role, '{ classificationList { version } }'))).toBe('FORBIDDEN');
      expect(rpc.calls).toEqual([]);
    });

    it("publishes as the administrator, and shows routing's problems per field", async () => {
      rpc.on(RoutingPublishClassificationList, () => {
        throw new RpcCallError('BAD_REQUEST', 'invalid_classification_list: wage_arrears: petition must be the last statutory path (信访兜底)', [
          { field: 'upsert.0', problems: ['wage_arrears: petition must be the last statutory path (信访兜底)'] },
        ]);
      });
      const category = { ...aCategory(), matterClass: 'CLAIM', statutoryPaths: ['PETITION', 'ARBITRATION'], defaultComplexity: 'URGENT', defaultColour: 'RED' };
      const a = await as('administrator', 'mutation ($i: PublishClassificationListInput!) { publishClassificationList(input: $i) { version } }', { i: { basedOnVersion: 1, note: '调整途径', upsert: [category] } });
      expect(a.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'upsert.0', problems: ['wage_arrears: petition must be the last statutory path (信访兜底)'] }] });
      expect(payloadOf(RoutingPublishClassificationList.subject)).toMatchObject({ basedOnVersion: 1, remove: [], by: { userId: 'u-administrator', orgCode: 'command_330621' }, upsert: [{ statutoryPaths: ['petition', 'arbitration'] }] });
    });

    it('publishes rules in routing’s words (org codes), and reports a stale version as CONFLICT', async () => {
      rpc.on(RoutingPublishRuleSet, () => {
        throw new RpcCallError('CONFLICT', 'stale_version: 分流规则已有更新的版本 3', [{ field: 'basedOnVersion', problems: ['stale_version: current is 3'] }]);
      });
      const rule = { id: 'wage_arrears@330621:big', categoryCode: 'wage_arrears', regionCode: '330621', minHeadcount: 30, leadUnitCode: 'dept_human_resources', coUnitCodes: ['dept_housing', 'dept_finance'], priority: 20 };
      const a = await as('administrator', 'mutation ($i: PublishRoutingRulesInput!) { publishRoutingRules(input: $i) { version } }', { i: { basedOnVersion: 2, note: '三十人以上加财政', upsert: [rule] } });
      expect(codeOf(a)).toBe('CONFLICT');
      expect(payloadOf<PublishRuleSet>(RoutingPublishRuleSet.subject).upsert).toEqual([
        { id: rule.id, categoryCode: 'wage_arrears', regionCode: '330621', minHeadcount: 30, leadOrgCode: 'dept_human_resources', coOrgCodes: ['dept_housing', 'dept_finance'], priority: 20 },
      ]);
    });
  });
});
