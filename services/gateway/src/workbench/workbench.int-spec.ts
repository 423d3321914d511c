import { RoutingAcceptAssignment, RoutingAssignmentInbox, RoutingGetClassificationList, RoutingListAssignments, RoutingPublishRuleSet } from '@yikouban/contracts';
import { gql, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { anAssignment } from '../grievance/testing/grievance-fixtures';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';
import { aCategory, anAssignmentView, anInboxItem, aPage, aPublication } from './testing/workbench-fixtures';

const HR = 'dept_human_resources';
const MY = `query ($first: Int, $after: String) { myAssignments(first: $first, after: $after) {
  edges { cursor node { id role unitCode status createdAt otherUnits { role unitCode } } } pageInfo { hasNextPage endCursor } } }`;

describe('the workbench through the gateway (in process, real NATS, fake routing responders)', () => {
  const received: { subject: string; data: unknown }[] = [];
  /** 人社's two assignments; any other unit has none. */
  const lead = anInboxItem({ orgCode: HR });
  const older = anInboxItem({ orgCode: HR, status: 'accepted', createdAt: '2026-11-29T02:00:00.000Z' });
  let fakes: GatewayWithFakes;
  let gateway: InProcessGateway;
  let tokens: Record<string, string>;
  const as = <T>(who: string, query: string, variables: Record<string, unknown> = {}) => gql<T>(gateway.url, query, variables, tokens[who]);

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({
      name: 'gateway_wb',
      onRequest: (subject, data) => received.push({ subject, data }),
      responders: (respond) => {
        respond(RoutingAssignmentInbox, ({ orgCode, cursor }) => ({ response: orgCode !== HR ? aPage([]) : cursor === lead.cursor ? aPage([older]) : aPage([lead], true) }));
        respond(RoutingListAssignments, ({ grievanceId }) => ({
          response: [anAssignment(grievanceId, { id: lead.id, orgCode: HR }), anAssignment(grievanceId, { role: 'co', orgCode: 'dept_housing', status: 'created' })],
        }));
        // Routing's own rule: only the assigned unit acts on an assignment.
        respond(RoutingAcceptAssignment, ({ assignmentId, by }) =>
          by.orgCode === HR
            ? { response: anAssignmentView({ id: assignmentId, status: 'accepted', acceptedAt: '2026-11-30T03:00:00.000Z' }) }
            : { err: { code: 'FORBIDDEN', message: `actor_not_permitted: 单位 ${by.orgCode} 不能对该交办事项执行 accept`, fields: [{ field: 'by.orgCode', problems: ['actor_not_permitted'] }] } },
        );
        respond(RoutingGetClassificationList, () => ({ response: { ...aPublication({ size: 1 }), categories: [aCategory()] } }));
        respond(RoutingPublishRuleSet, () => ({
          err: { code: 'BAD_REQUEST', message: 'invalid_rule_set: rule wage_arrears@330621 v2: unknown organisation no_such_unit', fields: [{ field: 'upsert.0', problems: ['rule wage_arrears@330621 v2: unknown organisation no_such_unit'] }] },
        }));
      },
    });
    gateway = fakes.gateway;
    tokens = await fakes.signInAll(['unit', 'leader', 'operator', 'admin']);
  });

  afterAll(() => fakes?.close());

  beforeEach(() => {
    received.length = 0;
  });

  it("asks routing for the signed-in unit's inbox only, and pages with routing's cursors", async () => {
    const page1 = await as<{ myAssignments: { edges: { cursor: string; node: Record<string, unknown> }[]; pageInfo: unknown } }>('unit', MY, { first: 1 });
    expect(page1.errors).toBeUndefined();
    expect(page1.data?.myAssignments.edges).toEqual([
      { cursor: lead.cursor, node: { id: lead.id, role: 'LEAD', unitCode: HR, status: 'CREATED', createdAt: lead.createdAt, otherUnits: [{ role: 'CO', unitCode: 'dept_housing' }] } },
    ]);
    expect(page1.data?.myAssignments.pageInfo).toEqual({ hasNextPage: true, endCursor: lead.cursor });
    expect(received[0]).toEqual({ subject: RoutingAssignmentInbox.subject, data: { orgCode: HR, limit: 1 } });

    const page2 = await as<{ myAssignments: { edges: { node: { id: string } }[]; pageInfo: unknown } }>('unit', MY, { first: 1, after: lead.cursor });
    expect(page2.data?.myAssignments.edges.map((e) => e.node.id)).toEqual([older.id]);
    expect(page2.data?.myAssignments.pageInfo).toEqual({ hasNextPage: false, endCursor: older.cursor });

    const town = await as<{ myAssignments: { edges: unknown[] } }>('leader', MY);
    expect(town.data?.myAssignments.edges).toEqual([]);
    expect(received.at(-1)?.data).toEqual({ orgCode: 'town_330621101', limit: 20 });
  });

  it("carries routing's FORBIDDEN (another unit's assignment) over NATS to the client, with its fields", async () => {
    const accept = 'mutation ($id: ID!) { acceptAssignment(id: $id) { id status acceptedAt } }';
    const foreign = await as('leader', accept, { id: lead.id });
    expect(foreign.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', fields: [{ field: 'by.orgCode', problems: ['actor_not_permitted'] }] });
    expect(received[0].data).toEqual({ assignmentId: lead.id, by: { userId: expect.any(String), orgCode: 'town_330621101' } });
    const own = await as<{ acceptAssignment: unknown }>('unit', accept, { id: lead.id });
    expect(own.data?.acceptAssignment).toEqual({ id: lead.id, status: 'ACCEPTED', acceptedAt: '2026-11-30T03:00:00.000Z' });
  });

  it('lets only the administrator read and publish the list and rules, and shows routing’s problems per field', async () => {
    const list = await as<{ classificationList: unknown }>('admin', '{ classificationList { version current size categories { code matterClass } } }');
    expect(list.data?.classificationList).toEqual({ version: 1, current: true, size: 1, categories: [{ code: 'wage_arrears', matterClass: 'CLAIM' }] });
    const bad = await as('admin', 'mutation ($i: PublishRoutingRulesInput!) { publishRoutingRules(input: $i) { version } }', {
      i: { basedOnVersion: 1, note: '错误规则', upsert: [{ id: 'wage_arrears@330621', categoryCode: 'wage_arrears', regionCode: '330621', leadUnitCode: 'no_such_unit' }] },
    });
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'upsert.0', problems: ['rule wage_arrears@330621 v2: unknown organisation no_such_unit'] }] });
    received.length = 0;
    expect((await as('operator', '{ classificationList { version } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(received).toEqual([]);
  });

  it('answers SERVICE_UNAVAILABLE when routing does not answer a subject', async () => {
    const res = await as('operator', '{ assignmentQueue { edges { cursor } } }');
    expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });
});
