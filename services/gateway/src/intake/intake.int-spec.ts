import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  IntakeGetGrievanceById,
  IntakeListGrievances,
  IntakeMergeGrievances,
  IntakeRegisterGrievance,
  IntakeRevealPetitioner,
  IntakeTrackGrievance,
  IntakeWithdrawGrievance,
  type GrievanceRecord,
  type ListGrievances,
  type RegisterGrievance,
  type RevealPetitioner,
} from '@yikouban/contracts';
import { gql, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { startGatewayWithFakes, type FakeAnswer, type GatewayWithFakes } from '../testing/gateway-with-fakes';

/**
 * A stand-in intake on real NATS: it keeps what is registered, masks like intake, withholds an
 * accusation's reporter from unit_staff, and keeps an audit log of reveals — enough to see that
 * the gateway passes the caller, the reason, the scope and the viewer's role.
 */
class FakeIntake {
  readonly records = new Map<string, GrievanceRecord & { full: { name: string; phone: string } | null }>();
  readonly audit: { grievanceId: string; userId: string; role: string; orgCode: string; reason: string; outcome: string }[] = [];
  readonly listQueries: ListGrievances[] = [];
  private seq = 0;

  register(d: RegisterGrievance): FakeAnswer {
    if (d.description.length < 5) return { err: { code: 'BAD_REQUEST', message: 'description: too short', fields: [{ field: 'description', problems: ['description must be 5 to 5000 characters'] }] } };
    const id = randomUUID();
    const name = d.petitioner?.name;
    const phone = d.petitioner?.phone ?? '';
    this.records.set(id, {
      id,
      trackingCode: `330621-26-${String(++this.seq).padStart(4, '0')}X`,
      status: 'received',
      channel: d.channel,
      regionCode: d.regionCode,
      categoryCode: d.categoryCode ?? null,
      headcount: d.headcount ?? 1,
      collective: false,
      firstTime: true,
      repeatOf: null,
      receivedAt: new Date(Date.UTC(2026, 0, 1, 0, this.seq)).toISOString(),
      description: d.description,
      receivedAtLevel: d.receivedAtLevel ?? null,
      skipLevel: null,
      accusation: d.accusation ?? false,
      anonymous: !name,
      petitioner: name ? { name: `${name[0]}*${name.at(-1)}`, phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`, idNumber: null } : null,
      petitionerWithheld: false,
      representatives: [],
      mergedInto: null,
      full: name ? { name, phone } : null,
    });
    const r = this.records.get(id)!;
    return { response: { id, trackingCode: r.trackingCode, secret: 'ABCD2345', status: 'received', receivedAt: r.receivedAt, firstTime: true, repeatOf: null, skipLevel: null } };
  }

  view(id: string, viewerRole?: string): GrievanceRecord | undefined {
    const r = this.records.get(id);
    if (!r) return undefined;
    const { full: _full, ...record } = r;
    const withheld = r.accusation && viewerRole === 'unit_staff';
    return withheld ? { ...record, petitioner: null, petitionerWithheld: !r.anonymous } : record;
  }

  list(q: ListGrievances): FakeAnswer {
    this.listQueries.push(q);
    const nodes = [...this.records.keys()]
      .map((id) => this.view(id, q.viewerRole)!)
      .filter((r) => r.regionCode.startsWith(q.scopeRegionCode ?? '') && r.regionCode.startsWith(q.regionCode ?? ''))
      .reverse();
    const page = nodes.slice(0, q.first ?? 20);
    return { response: { edges: page.map((node) => ({ cursor: `c-${node.id}`, node })), pageInfo: { hasNextPage: nodes.length > page.length, endCursor: page.length ? `c-${page.at(-1)!.id}` : null }, totalCount: nodes.length } };
  }

  reveal(d: RevealPetitioner): FakeAnswer {
    const r = this.records.get(d.grievanceId);
    if (!r) return { err: { code: 'NOT_FOUND', message: 'no grievance' } };
    const refused = r.accusation && d.caller.role === 'unit_staff';
    this.audit.push({ grievanceId: r.id, ...d.caller, reason: d.reason, outcome: refused ? 'refused' : 'revealed' });
    if (refused) return { err: { code: 'FORBIDDEN', message: 'Art 30' } };
    return { response: { grievanceId: r.id, auditId: randomUUID(), anonymous: r.anonymous, petitioner: r.full ? { ...r.full, idNumber: null, address: null } : null, representatives: [], revealedAt: new Date().toISOString() } };
  }
}

describe('gateway intake surface (in process, real NATS, fake intake)', () => {
  const fake = new FakeIntake();
  const asked: { subject: string; data: unknown }[] = [];
  let fakes: GatewayWithFakes;
  let gateway: InProcessGateway;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({
      name: 'gateway_intake',
      onRequest: (subject, data) => asked.push({ subject, data }),
      responders: (respond) => {
        respond(IntakeRegisterGrievance, (d) => fake.register(d));
        respond(IntakeListGrievances, (d) => fake.list(d));
        respond(IntakeGetGrievanceById, (d) => {
          const r = fake.view(d.grievanceId, d.viewerRole);
          return r ? { response: r } : { err: { code: 'NOT_FOUND', message: 'no grievance' } };
        });
        respond(IntakeRevealPetitioner, (d) => fake.reveal(d));
        respond(IntakeMergeGrievances, (d) => ({ response: { id: d.mergeId, mergedInto: d.keepId } }));
        respond(IntakeTrackGrievance, (d) =>
          d.secret === 'ABCD2345'
            ? { response: { trackingCode: d.trackingCode, status: 'received', channel: 'web', receivedAt: '2026-01-01T00:01:00.000Z', leadUnitName: null, dueAt: null, timeline: [{ at: '2026-01-01T00:01:00.000Z', kind: 'received', detail: { channel: 'web' } }] } }
            : { err: { code: 'NOT_FOUND', message: 'no grievance matches this tracking code and secret' } },
        );
        respond(IntakeWithdrawGrievance, (d) => ({ response: { trackingCode: d.trackingCode, status: 'withdrawn', channel: 'web', receivedAt: '2026-01-01T00:01:00.000Z', leadUnitName: null, dueAt: null, timeline: [] } }));
      },
    });
    gateway = fakes.gateway;
    tokens = await fakes.signInAll(['clerk', 'operator', 'unit', 'police']);
  });

  afterAll(() => fakes?.close());

  const REGISTER = `mutation ($input: RegisterGrievanceInput!) { registerGrievance(input: $input) { id trackingCode secret status receivedAt skipLevel { competentLevel } } }`;
  const LIST = `query ($first: Int, $after: String, $filter: GrievanceFilter) { grievances(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id trackingCode accusation petitionerWithheld petitioner { name phone idNumber } } } } }`;
  const BY_ID = `query ($id: ID!) { grievanceById(id: $id) { id accusation petitionerWithheld petitioner { name phone } } }`;
  const REVEAL = `mutation ($grievanceId: ID!, $reason: String!) { revealPetitioner(grievanceId: $grievanceId, reason: $reason) { grievanceId auditId petitioner { name phone } } }`;
  const wageMatter = {
    channel: 'WALK_IN',
    petitioner: { name: '高建国', phone: '13800000000', address: '城关镇东门社区' },
    regionCode: '330621101201',
    categoryCode: 'wage_arrears',
    description: '工地老板拖欠工资两万四千元。',
    statement: { request: '支付工资', facts: '干了三个月', reasons: '劳动报酬应当支付' },
    receivedAtLevel: 'COUNTY',
  };

  it('register → list (masked, scoped) → reveal (audited) → a unit refused on an accusation', async () => {
    const reg = await gql<{ registerGrievance: { id: string; trackingCode: string; status: string } }>(gateway.url, REGISTER, { input: wageMatter }, tokens.clerk);
    expect(reg.errors).toBeUndefined();
    expect(reg.data?.registerGrievance).toMatchObject({ status: 'RECEIVED', trackingCode: expect.stringMatching(/^330621-/) });
    const sent = asked.find((a) => a.subject === IntakeRegisterGrievance.subject)?.data as RegisterGrievance;
    expect(sent).toMatchObject({ channel: 'walk_in', receivedAtLevel: 'county', petitioner: { name: '高建国' } });
    expect(Object.values(sent).includes(null)).toBe(false);

    const report = await gql<{ registerGrievance: { id: string } }>(gateway.url, REGISTER, { input: { ...wageMatter, categoryCode: 'corruption_report', accusation: true, description: '举报村主任虚报冒领征地补偿款。' } }, tokens.clerk);
    const reportId = report.data!.registerGrievance.id;

    const list = await gql<{ grievances: { totalCount: number; edges: { node: { id: string; petitioner: { name: string; phone: string } } }[] } }>(gateway.url, LIST, { first: 10, filter: { regionCode: '330621101' } }, tokens.operator);
    expect(list.errors).toBeUndefined();
    expect(list.data?.grievances.totalCount).toBe(2);
    expect(list.data?.grievances.edges.map((e) => e.node.petitioner)).toEqual([
      { name: '高*国', phone: '138****0000', idNumber: null },
      { name: '高*国', phone: '138****0000', idNumber: null },
    ]);
    expect(fake.listQueries.at(-1)).toMatchObject({ first: 10, regionCode: '330621101', scopeRegionCode: '330621', viewerRole: 'command_operator' });

    const revealed = await gql<{ revealPetitioner: { petitioner: { name: string; phone: string } } }>(gateway.url, REVEAL, { grievanceId: reg.data!.registerGrievance.id, reason: '电话回访核实身份' }, tokens.clerk);
    expect(revealed.data?.revealPetitioner.petitioner).toEqual({ name: '高建国', phone: '13800000000' });
    expect(fake.audit).toEqual([{ grievanceId: reg.data!.registerGrievance.id, userId: expect.any(String), role: 'reception_clerk', orgCode: 'dept_petition', reason: '电话回访核实身份', outcome: 'revealed' }]);

    // The unit may read the accusation, but not who made it — masked or not.
    const asUnit = await gql<{ grievanceById: { petitioner: unknown; petitionerWithheld: boolean } }>(gateway.url, BY_ID, { id: reportId }, tokens.unit);
    expect(asUnit.data?.grievanceById).toMatchObject({ accusation: true, petitioner: null, petitionerWithheld: true });
    const unitReveal = await gql(gateway.url, REVEAL, { grievanceId: reportId, reason: '核实举报人身份' }, tokens.unit);
    expect(unitReveal.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(fake.audit).toHaveLength(1);
  });

  it('refuses a reveal without a reason, naming the field, before asking intake', async () => {
    const before = asked.length;
    const [first] = [...fake.records.keys()];
    const res = await gql(gateway.url, REVEAL, { grievanceId: first, reason: '' }, tokens.clerk);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'reason' })] });
    expect(asked.length).toBe(before);
  });

  it("passes intake's field-level refusal through as BAD_USER_INPUT", async () => {
    const res = await gql(gateway.url, REGISTER, { input: { ...wageMatter, description: '短' } }, tokens.clerk);
    expect(res.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'description', problems: ['description must be 5 to 5000 characters'] }] });
  });

  it("keeps staff in their region: a police station in 城关 sees nothing of 东湖, and a grievance there does not exist for them", async () => {
    const east = await gql<{ registerGrievance: { id: string } }>(gateway.url, REGISTER, { input: { ...wageMatter, regionCode: '330621102201' } }, tokens.clerk);
    const eastId = east.data!.registerGrievance.id;
    const list = await gql<{ grievances: { edges: { node: { id: string } }[] } }>(gateway.url, LIST, {}, tokens.police);
    expect(fake.listQueries.at(-1)?.scopeRegionCode).toBe('330621101');
    expect(list.data?.grievances.edges.map((e) => e.node.id)).not.toContain(eastId);
    const byId = await gql(gateway.url, BY_ID, { id: eastId }, tokens.police);
    expect(byId.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets only the command centre merge, and only clerks and operators register', async () => {
    const [a, b] = [...fake.records.keys()];
    const MERGE = `mutation ($keepId: ID!, $mergeId: ID!) { mergeGrievances(keepId: $keepId, mergeId: $mergeId) { id mergedInto } }`;
    const byClerk = await gql(gateway.url, MERGE, { keepId: a, mergeId: b }, tokens.clerk);
    expect(byClerk.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const byOperator = await gql<{ mergeGrievances: unknown }>(gateway.url, MERGE, { keepId: a, mergeId: b }, tokens.operator);
    expect(byOperator.data?.mergeGrievances).toEqual({ id: b, mergedInto: a });
    const byUnit = await gql(gateway.url, REGISTER, { input: wageMatter }, tokens.unit);
    expect(byUnit.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('serves the citizen portal without sign-in: submit on the web channel, track, withdraw', async () => {
    const submit = await gql<{ submitGrievance: { trackingCode: string; secret: string } }>(
      gateway.url,
      `mutation ($input: SubmitGrievanceInput!) { submitGrievance(input: $input) { trackingCode secret receivedAt } }`,
      { input: { regionCode: '330621103201', description: '村口路灯坏了一个多月。' } },
    );
    expect(submit.errors).toBeUndefined();
    expect((asked.filter((a) => a.subject === IntakeRegisterGrievance.subject).at(-1)?.data as RegisterGrievance).channel).toBe('web');
    const { trackingCode, secret } = submit.data!.submitGrievance;
    const TRACK = `query ($code: String!, $secret: String!) { trackGrievance(trackingCode: $code, secret: $secret) { trackingCode status leadUnitName timeline { kind detail } } }`;
    const tracked = await gql<{ trackGrievance: unknown }>(gateway.url, TRACK, { code: trackingCode.toLowerCase(), secret });
    expect(tracked.data?.trackGrievance).toEqual({ trackingCode, status: 'RECEIVED', leadUnitName: null, timeline: [{ kind: 'received', detail: '{"channel":"web"}' }] });
    const wrong = await gql(gateway.url, TRACK, { code: trackingCode, secret: 'WRONG234' });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const withdrawn = await gql<{ withdrawGrievance: { status: string } }>(
      gateway.url,
      `mutation ($code: String!, $secret: String!) { withdrawGrievance(trackingCode: $code, secret: $secret, reason: "已自行解决") { status } }`,
      { code: trackingCode, secret },
    );
    expect(withdrawn.data?.withdrawGrievance.status).toBe('WITHDRAWN');
  });
});
