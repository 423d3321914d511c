import request from 'supertest';
import { waitFor } from '@yikouban/testing';
import { GRIEVANCE_QUERY, graphql, signInAs } from './support/graphql';
import { SystemUnderTest } from './support/system';
import { demoPlaces } from './support/demo-places';

/** The demo labour committee (the `mediator` account's organisation) and its first mediator. */
const LABOUR_COMMITTEE = 'med_labour';
const LABOUR_MEDIATOR = 'mdr_labour_1';

const HANDOFF_FIELDS = 'id kind stage status version outcome failureEnd followUp requestedAt concludedAt parties { id } sessions { sessionId } source { orgCode } target { orgCode }';

interface Handoff {
  id: string;
  kind: string;
  stage: string | null;
  status: string;
  version: number;
  outcome: string | null;
  failureEnd: string | null;
  followUp: string | null;
  requestedAt: string;
  concludedAt: string | null;
  parties: { id: string }[];
  sessions: { sessionId: string }[];
  source: { orgCode: string };
  target: { orgCode: string };
}

describe('四调衔接 through the gateway, signed in as the demo users (five processes)', () => {
  let sut: SystemUnderTest;
  const token: Record<'operator' | 'unit' | 'court' | 'mediator', string> = { operator: '', unit: '', court: '', mediator: '' };

  beforeAll(async () => {
    sut = await SystemUnderTest.create();
    // The mediation directory (committees, mediators, senders) is demo data like routing's county.
    await sut.command('mediation', 'seed');
    await sut.startAll();
    const url = sut.url('gateway');
    token.operator = await signInAs(url, 'command_operator');
    token.unit = await signInAs(url, 'unit_staff');
    token.court = await signInAs(url, 'court');
    token.mediator = await signInAs(url, 'mediation_committee');
  });

  afterAll(async () => {
    await sut?.stop();
  });

  /** One GraphQL operation as a demo user; fails the test on any error. */
  async function as<T>(who: keyof typeof token, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await graphql<T>(sut.url('gateway'), query, variables, token[who]);
    if (errors?.length || !data) throw new Error(`${who}: ${JSON.stringify(errors)}`);
    return data;
  }

  /** A mutation taking one `input`, answering the handoff. */
  const step = async (who: keyof typeof token, mutation: string, inputType: string, input: Record<string, unknown>): Promise<Handoff> =>
    (await as<Record<string, Handoff>>(who, `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${HANDOFF_FIELDS} } }`, { input }))[mutation];

  /** The committee takes it on: accepts, appoints its mediator (no conflicts), both parties consent, one online session held now. */
  async function mediate(h: Handoff): Promise<Handoff> {
    const inbox = await as<{ handoffInbox: { edges: { node: { id: string; status: string } }[] } }>('mediator', '{ handoffInbox(status: [REQUESTED]) { edges { node { id status } } } }');
    expect(inbox.handoffInbox.edges.map((e) => e.node.id)).toContain(h.id);
    let v = await step('mediator', 'acceptHandoff', 'HandoffCommandInput', { handoffId: h.id, expectedVersion: h.version });
    v = await step('mediator', 'appointMediator', 'AppointMediatorInput', { handoffId: h.id, mediatorId: LABOUR_MEDIATOR, chosenByParties: false, conflictOfInterestDeclared: true });
    for (const p of v.parties) v = await step('mediator', 'recordPartyConsent', 'RecordConsentInput', { handoffId: h.id, partyId: p.id, consents: true });
    v = await step('mediator', 'scheduleMediationSession', 'ScheduleSessionInput', { handoffId: h.id, at: new Date().toISOString(), mode: 'ONLINE' });
    return step('mediator', 'recordMediationSession', 'RecordSessionInput', {
      handoffId: h.id,
      sessionId: v.sessions[0].sessionId,
      participants: [...v.parties.map((p) => p.id), LABOUR_MEDIATOR],
      record: '云调解：双方陈述事实，调解员释法说理',
    });
  }

  it('访调: a wage petition handed by 人社 to the labour committee reaches an agreement the same day and the petition closes', async () => {
    const places = demoPlaces();
    const posted = await request(sut.url('intake'))
      .post('/api/v1/grievances')
      .send({
        channel: 'walk_in',
        petitioner: { name: '高建国', phone: '13912345678', address: '东湖街道安置房社区3幢' },
        statement: { request: '要求结清拖欠的工资', facts: '在城东安置房项目务工半年，包工头未发工资', reasons: '依法应按月足额支付劳动报酬' },
        regionCode: places.village,
        categoryCode: 'wage_arrears',
        description: '包工头拖欠工资半年，希望通过调解尽快拿到工资。',
      })
      .expect(201);
    const { id: grievanceId, trackingCode } = posted.body as { id: string; trackingCode: string };
    await waitFor('the petition assigned to 人社', async () => {
      const g = (await as<{ grievance: { status: string; leadUnit: { unitCode: string } | null } }>('operator', GRIEVANCE_QUERY, { code: trackingCode })).grievance;
      return g.status === 'ASSIGNED' && g.leadUnit?.unitCode === places.humanResources ? g : undefined;
    });
    // Supervision runs the handling clock against 人社 from the assignment on.
    await waitFor('the handling deadline running', async () => {
      const g = (await as<{ grievance: { deadlines: unknown[] } }>('operator', GRIEVANCE_QUERY, { code: trackingCode })).grievance;
      return g.deadlines.length > 0 ? g : undefined;
    });

    const requested = await step('unit', 'requestHandoff', 'RequestHandoffInput', {
      kind: 'PETITION_MEDIATION',
      grievanceId,
      targetOrgCode: LABOUR_COMMITTEE,
      sourceReference: trackingCode,
      matter: '城东安置房项目拖欠农民工工资纠纷',
      parties: [
        { id: 'p-gao', name: '高建国', role: 'APPLICANT' },
        { id: 'p-contractor', name: '城东安置房项目施工方', role: 'RESPONDENT' },
      ],
    });
    expect(requested).toMatchObject({ kind: 'PETITION_MEDIATION', status: 'REQUESTED', source: { orgCode: places.humanResources }, target: { orgCode: LABOUR_COMMITTEE } });

    const signedAt = new Date().toISOString();
    const agreement = {
      factsAndDispute: '高建国在城东安置房项目务工半年，施工方未支付工资三万六千元',
      responsibilities: '施工方未按月足额支付劳动报酬，负全部责任',
      terms: ['施工方于十日内一次性支付高建国工资三万六千元'],
      performance: { manner: '银行转账', deadline: '2026-12-31' },
      signatures: [
        { partyId: 'p-gao', signedAt, method: 'E_SIGNATURE' },
        { partyId: 'p-contractor', signedAt, method: 'E_SIGNATURE' },
      ],
    };
    const conclude = 'mutation ($input: ConcludeWithAgreementInput!) { concludeMediationWithAgreement(input: $input) { status } }';
    // Not before the committee accepted, the parties consented and a session was held (人民调解法 Art 17, 27).
    const early = await graphql(sut.url('gateway'), conclude, { input: { handoffId: requested.id, agreement } }, token.mediator);
    expect(early.errors?.[0].extensions?.code).toBe('CONFLICT');
    await mediate(requested);
    const concluded = await step('mediator', 'concludeMediationWithAgreement', 'ConcludeWithAgreementInput', { handoffId: requested.id, agreement });
    expect(concluded).toMatchObject({ status: 'CONCLUDED_AGREEMENT', outcome: 'AGREEMENT' });
    const beijingDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(beijingDay(concluded.concludedAt as string)).toBe(beijingDay(concluded.requestedAt));

    const returned = await step('mediator', 'returnHandoffToSource', 'ReturnToSourceInput', { handoffId: requested.id, note: '已达成调解协议' });
    expect(returned).toMatchObject({ status: 'RETURNED', followUp: 'CLOSE_PETITION' });

    // The sending unit sees where its handoff stands; the petition closes (intake consumes mediation.handoff.returned).
    const sent = await as<{ sentHandoffs: { edges: { node: { id: string; status: string; outcome: string; followUp: string } }[] } }>(
      'unit',
      'query ($g: ID) { sentHandoffs(grievanceId: $g) { edges { node { id status outcome followUp } } } }',
      { g: grievanceId },
    );
    expect(sent.sentHandoffs.edges.map((e) => e.node)).toEqual([{ id: requested.id, status: 'RETURNED', outcome: 'AGREEMENT', followUp: 'CLOSE_PETITION' }]);
    await waitFor('the petition closed', async () => {
      const g = (await as<{ grievance: { status: string } }>('operator', GRIEVANCE_QUERY, { code: trackingCode })).grievance;
      return g.status === 'CLOSED' ? g : undefined;
    });
    // Routing closes 人社's assignment with it (routing.assignment.closed), and supervision stops every clock of the grievance.
    const settled = await waitFor('the assignments closed and no deadline counting', async () => {
      const g = (await as<{ grievance: { leadUnit: { unitCode: string; status: string } | null; deadlines: unknown[] } }>('operator', GRIEVANCE_QUERY, { code: trackingCode })).grievance;
      return g.leadUnit?.status === 'closed' && g.deadlines.length === 0 ? g : undefined;
    });
    expect(settled.leadUnit).toMatchObject({ unitCode: places.humanResources, status: 'closed' });
    const closedAtUnit = await as<{ myAssignments: { edges: { node: { grievanceId: string; status: string } }[] } }>('unit', '{ myAssignments(status: [CLOSED]) { edges { node { grievanceId status } } } }');
    expect(closedAtUnit.myAssignments.edges.map((e) => e.node)).toContainEqual({ grievanceId, status: 'CLOSED' });
  });

  it('访调 from the command centre: a redirect to the labour committee becomes its handoff, and the agreement closes the petition', async () => {
    const places = demoPlaces();
    const posted = await request(sut.url('intake'))
      .post('/api/v1/grievances')
      .send({ channel: 'web', regionCode: places.village, categoryCode: 'wage_arrears', description: '装修队拖欠三个月工资，愿意坐下来调解。' })
      .expect(201);
    const { id: grievanceId, trackingCode } = posted.body as { id: string; trackingCode: string };
    await waitFor('the petition assigned', async () => {
      const g = (await as<{ grievance: { status: string } }>('operator', GRIEVANCE_QUERY, { code: trackingCode })).grievance;
      return g.status === 'ASSIGNED' ? g : undefined;
    });

    const redirected = await as<{ redirectGrievance: { to: string; targetUnitCode: string } }>(
      'operator',
      'mutation ($g: ID!) { redirectGrievance(grievanceId: $g, to: MEDIATION, targetUnitCode: "med_labour", reason: "劳资双方均同意调解，导入人民调解") { to targetUnitCode } }',
      { g: grievanceId },
    );
    expect(redirected.redirectGrievance).toEqual({ to: 'MEDIATION', targetUnitCode: LABOUR_COMMITTEE });

    // Mediation turns routing.grievance.redirected into the committee's 访调 request on its own.
    const found = await waitFor('the 访调 in the committee\'s inbox', async () => {
      const inbox = await as<{ handoffInbox: { edges: { node: { id: string; grievanceId: string | null } }[] } }>('mediator', '{ handoffInbox(status: [REQUESTED]) { edges { node { id grievanceId } } } }');
      return inbox.handoffInbox.edges.map((e) => e.node).find((h) => h.grievanceId === grievanceId);
    });
    const handoff = (await as<{ handoff: Handoff & { matter: string } }>('mediator', `query ($id: ID!) { handoff(id: $id) { ${HANDOFF_FIELDS} matter } }`, { id: found.id })).handoff;
    expect(handoff).toMatchObject({ kind: 'PETITION_MEDIATION', status: 'REQUESTED', target: { orgCode: LABOUR_COMMITTEE }, matter: '劳资双方均同意调解，导入人民调解' });

    await mediate(handoff);
    const signedAt = new Date().toISOString();
    await step('mediator', 'concludeMediationWithAgreement', 'ConcludeWithAgreementInput', {
      handoffId: handoff.id,
      agreement: {
        factsAndDispute: '装修队拖欠工人工资三个月',
        responsibilities: '装修队负全部责任',
        terms: ['装修队于七日内付清工资'],
        performance: { manner: '银行转账', deadline: '2026-12-31' },
        signatures: handoff.parties.map((p) => ({ partyId: p.id, signedAt, method: 'E_SIGNATURE' })),
      },
    });
    const returned = await step('mediator', 'returnHandoffToSource', 'ReturnToSourceInput', { handoffId: handoff.id, note: '已达成调解协议' });
    expect(returned).toMatchObject({ status: 'RETURNED', followUp: 'CLOSE_PETITION' });
    await waitFor('the petition closed', async () => {
      const g = (await as<{ grievance: { status: string } }>('operator', GRIEVANCE_QUERY, { code: trackingCode })).grievance;
      return g.status === 'CLOSED' ? g : undefined;
    });
  });

  it('诉调 委派: a court-delegated pre-filing mediation fails and returns to the court, which files the case', async () => {
    const requested = await step('court', 'requestHandoff', 'RequestHandoffInput', {
      kind: 'LITIGATION_MEDIATION',
      stage: 'PRE_FILING',
      targetOrgCode: LABOUR_COMMITTEE,
      sourceReference: '(2026)浙0621民诉前调18号',
      matter: '劳务报酬纠纷，诉前委派调解',
      parties: [
        { id: 'p-chen', name: '陈立新', role: 'APPLICANT' },
        { id: 'p-firm', name: '青川某劳务公司', role: 'RESPONDENT' },
      ],
    });
    expect(requested).toMatchObject({ kind: 'LITIGATION_MEDIATION', stage: 'PRE_FILING', status: 'REQUESTED', source: { orgCode: 'court_330621' } });

    // The court cannot run the committee's mediation for it.
    const wrongSide = await graphql(sut.url('gateway'), `mutation { acceptHandoff(input: { handoffId: "${requested.id}" }) { id } }`, {}, token.court);
    expect(wrongSide.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await mediate(requested);
    const failed = await step('mediator', 'concludeMediationWithoutAgreement', 'ConcludeWithoutAgreementInput', {
      handoffId: requested.id,
      end: 'POSITIONS_TOO_FAR_APART',
      reason: '双方对报酬数额分歧过大，经调解仍无法达成一致',
    });
    expect(failed).toMatchObject({ status: 'CONCLUDED_FAILED', outcome: 'FAILURE', failureEnd: 'POSITIONS_TOO_FAR_APART' });
    await step('mediator', 'returnHandoffToSource', 'ReturnToSourceInput', { handoffId: requested.id });

    const sent = await as<{ sentHandoffs: { edges: { node: { id: string; status: string; followUp: string } }[] } }>('court', '{ sentHandoffs { edges { node { id status followUp } } } }');
    expect(sent.sentHandoffs.edges.map((e) => e.node)).toContainEqual({ id: requested.id, status: 'RETURNED', followUp: 'FILE_CASE' });
    const file = await as<{ handoff: { otherRoads: { road: string }[]; returned: { followUp: string; labelZh: string } } }>(
      'court',
      'query ($id: ID!) { handoff(id: $id) { otherRoads { road } returned { followUp labelZh } } }',
      { id: requested.id },
    );
    expect(file.handoff.otherRoads.map((r) => r.road)).toEqual(['ARBITRATION', 'ADMINISTRATIVE', 'JUDICIAL']);
    expect(file.handoff.returned).toEqual({ followUp: 'FILE_CASE', labelZh: '依法登记立案' });
  });
});
