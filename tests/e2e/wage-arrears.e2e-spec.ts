import request from 'supertest';
import { waitFor } from '@yikouban/testing';
import { GRIEVANCE_QUERY, graphql, signInAs } from './support/graphql';
import { SystemUnderTest } from './support/system';
import { demoPlaces } from './support/demo-places';

interface Node {
  id: string;
  trackingCode: string;
  role: string;
  unitCode: string;
  status: string;
  ruleId: string;
  otherUnits: { role: string; unitCode: string; unitName: string }[];
}

const MY_ASSIGNMENTS = `query ($first: Int, $after: String) { myAssignments(first: $first, after: $after) {
  edges { cursor node { id trackingCode role unitCode status ruleId otherUnits { role unitCode unitName } } }
  pageInfo { hasNextPage endCursor } } }`;

const REPLY = `mutation ($id: ID!, $input: ReplyLetterInput!) { replyToAssignment(id: $id, input: $input) {
  id status reply { letter { conclusion legalBasis } by { unitCode } repliedAt } } }`;

/** 信访处理意见书 (信访工作条例 第三十二条). */
const LETTER = {
  request: '要求结清拖欠的半年工资',
  facts: '经查，城东安置房项目劳务分包人拖欠12名农民工工资共计三十六万元属实',
  reasons: '总包单位未按《保障农民工工资支付条例》设立农民工工资专用账户并按月足额支付',
  opinion: '责令总包单位于十日内足额支付拖欠工资，住建部门督促项目整改',
  legalBasis: ['《保障农民工工资支付条例》第三十条', '《信访工作条例》第三十二条'],
  conclusion: 'SUPPORT',
};

describe('a collective wage-arrears grievance through the unit workbench (five processes)', () => {
  let sut: SystemUnderTest;
  let unit: string;
  let operator: string;

  beforeAll(async () => {
    sut = await SystemUnderTest.create();
    await sut.startAll();
    [unit, operator] = await Promise.all([signInAs(sut.url('gateway'), 'unit_staff'), signInAs(sut.url('gateway'), 'command_operator')]);
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('reaches 县人社局 as lead with 住建 co-handling; 人社 accepts and replies; the operator sees the reply', async () => {
    const places = demoPlaces();
    const gateway = sut.url('gateway');
    const posted = await request(sut.url('intake'))
      .post('/api/v1/grievances')
      .send({
        channel: 'walk_in',
        petitioner: { name: '高建国', phone: '13912345678', address: '东湖街道安置房社区3幢' },
        statement: { request: '要求结清拖欠的工资', facts: '在城东安置房项目务工半年，包工头未发工资', reasons: '依法应按月足额支付劳动报酬' },
        regionCode: places.village,
        categoryCode: 'wage_arrears',
        description: '我们十二名工人在城东安置房项目干活，包工头拖欠工资半年，要求结清。',
        headcount: 12,
      })
      .expect(201);
    const trackingCode: string = posted.body.trackingCode;

    // The unit's inbox (县人社局, dept_human_resources): the case as lead, 住建 as co-unit.
    const mine = await waitFor('the grievance in 人社’s inbox', async () => {
      const { data } = await graphql<{ myAssignments: { edges: { node: Node }[] } }>(gateway, MY_ASSIGNMENTS, { first: 20 }, unit);
      return data?.myAssignments.edges.map((e) => e.node).find((n) => n.trackingCode === trackingCode);
    });
    expect(mine).toMatchObject({ role: 'LEAD', unitCode: places.humanResources, status: 'CREATED', ruleId: 'wage_arrears@330621:collective' });
    expect(mine.otherUnits).toEqual([expect.objectContaining({ role: 'CO', unitCode: places.housing })]);

    const accepted = await graphql<{ acceptAssignment: { status: string } }>(gateway, 'mutation ($id: ID!) { acceptAssignment(id: $id) { status } }', { id: mine.id }, unit);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptAssignment.status).toBe('ACCEPTED');

    const replied = await graphql<{ replyToAssignment: { status: string; reply: { letter: { conclusion: string; legalBasis: string[] }; by: { unitCode: string } } } }>(
      gateway,
      REPLY,
      { id: mine.id, input: LETTER },
      unit,
    );
    expect(replied.errors).toBeUndefined();
    expect(replied.data?.replyToAssignment).toMatchObject({ status: 'REPLIED', reply: { letter: { conclusion: 'SUPPORT', legalBasis: LETTER.legalBasis }, by: { unitCode: places.humanResources } } });

    // The command-centre operator's view of the grievance shows the lead unit has replied.
    const { data } = await graphql<{ grievance: { leadUnit: { unitCode: string; status: string } | null; assignments: { unitCode: string; role: string }[] } | null }>(
      gateway,
      GRIEVANCE_QUERY,
      { code: trackingCode },
      operator,
    );
    expect(data?.grievance?.leadUnit).toMatchObject({ unitCode: places.humanResources, status: 'replied' });
    expect(data?.grievance?.assignments).toEqual(expect.arrayContaining([expect.objectContaining({ unitCode: places.housing, role: 'CO' })]));
    const file = await graphql<{ assignment: { status: string; reply: { letter: { conclusion: string } } } }>(gateway, 'query ($id: ID!) { assignment(id: $id) { status reply { letter { conclusion } } } }', { id: mine.id }, operator);
    expect(file.data?.assignment).toEqual({ status: 'REPLIED', reply: { letter: { conclusion: 'SUPPORT' } } });

    // A second reply is refused with a stable code, not a 500.
    const twice = await graphql(gateway, REPLY, { id: mine.id, input: LETTER }, unit);
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it("keeps the unit's inbox its own: the operator has no inbox and a unit cannot act on another's assignment", async () => {
    const asOperator = await graphql(sut.url('gateway'), MY_ASSIGNMENTS, {}, operator);
    expect(asOperator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const leader = await signInAs(sut.url('gateway'), 'leader');
    const { data } = await graphql<{ myAssignments: { edges: { node: Node }[] } }>(sut.url('gateway'), MY_ASSIGNMENTS, {}, unit);
    const someone = data!.myAssignments.edges[0].node;
    const foreign = await graphql(sut.url('gateway'), 'mutation ($id: ID!) { reportProgress(id: $id, note: "代为办理") { id } }', { id: someone.id }, leader);
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
