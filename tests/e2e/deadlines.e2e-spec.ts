import request from 'supertest';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { DeadlineBreached, type DeadlineBreachedV1, type EventEnvelope } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { JetStreamProbe, TEST_NATS_URL, waitFor } from '@yikouban/testing';
import { hashSecret } from '../../services/gateway/src/identity/secret-hasher';
import { graphql, signInAs } from './support/graphql';
import { SystemUnderTest } from './support/system';
import { demoPlaces } from './support/demo-places';

const DAY = 86_400_000;

interface Deadline { step: string; policyCode: string; state: string; startedAt: string; dueAt: string; stoppedAt: string | null; escalationLevel: number; escalatedTo: string | null }
const DEADLINES = `query ($trackingCode: String!) { grievanceDeadlines(trackingCode: $trackingCode) {
  step policyCode state startedAt dueAt stoppedAt escalationLevel escalatedTo } }`;
const BOARD = `query { overdueBoard(filter: { kind: OVERDUE, limit: 200 }) { overdue items { trackingCode step state kind escalationLevel escalatedTo } } }`;
const MY_ASSIGNMENTS = `query { myAssignments(first: 50) { edges { node { id trackingCode role status } } } }`;

/** A staff member of the county petition bureau, which a policy consultation goes to (not among the demo users). */
const PETITION_DESK = { username: 'petition_desk', password: 'yikouban-e2e-petition-desk' };

describe('deadlines: a consultation answered within half a working day; an old letter breaches and escalates (five processes)', () => {
  let sut: SystemUnderTest;
  let probe: JetStreamProbe;
  const token: Record<'operator' | 'supervisor' | 'petitionDesk', string> = { operator: '', supervisor: '', petitionDesk: '' };

  beforeAll(async () => {
    // The sweeper looks often, so a breach shows up quickly; nothing asserts how quickly.
    sut = await SystemUnderTest.create({ SUPERVISION_SWEEP_MS: '300' });
    await sut.startAll();
    const pg = new Client({ connectionString: sut.db.url });
    await pg.connect();
    await pg.query(
      `INSERT INTO gateway.staff_user (id, username, display_name, password_hash, role, org_code, region_code, active) VALUES ($1, $2, '县信访局 办事员', $3, 'unit_staff', 'dept_petition', '330621', true)`,
      [randomUUID(), PETITION_DESK.username, await hashSecret(PETITION_DESK.password)],
    );
    await pg.end();
    const url = sut.url('gateway');
    token.operator = await signInAs(url, 'command_operator');
    token.supervisor = await signInAs(url, 'supervisor');
    const login = await graphql<{ login: { accessToken: string } }>(url, 'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: PETITION_DESK.username, p: PETITION_DESK.password });
    token.petitionDesk = login.data!.login.accessToken;
    probe = await JetStreamProbe.connect(TEST_NATS_URL);
  });

  afterAll(async () => {
    await probe?.close();
    await sut?.stop();
  });

  async function as<T>(who: keyof typeof token, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await graphql<T>(sut.url('gateway'), query, variables, token[who]);
    if (errors?.length || !data) throw new Error(`${who}: ${JSON.stringify(errors)}`);
    return data;
  }

  const deadlines = async (trackingCode: string) => (await as<{ grievanceDeadlines: Deadline[] }>('operator', DEADLINES, { trackingCode })).grievanceDeadlines;

  it('a policy consultation is answered by the petition bureau through the gateway, and its half-working-day clock reads stopped, on time', async () => {
    const places = demoPlaces();
    const posted = await request(sut.url('intake'))
      .post('/api/v1/grievances')
      .send({ channel: 'web', regionCode: places.village, categoryCode: 'policy_consultation', description: '请问灵活就业人员怎么办理社保缴费，需要什么材料？' })
      .expect(201);
    const trackingCode: string = posted.body.trackingCode;

    // Half a working day (咨询类); when the same day ends sooner (asked late in the day) the stricter same-day rule governs.
    const handling = await waitFor('the consultation clock', async () =>
      (await deadlines(trackingCode)).find((d) => d.step === 'handling' && /(consultation_half_day|simple_same_day)$/.test(d.policyCode)));
    expect(Date.parse(handling.dueAt) - Date.parse(handling.startedAt)).toBeLessThanOrEqual(4 * DAY);
    expect(handling.state).toBe('RUNNING');

    const mine = await waitFor('the consultation in the petition bureau’s inbox', async () =>
      (await as<{ myAssignments: { edges: { node: { id: string; trackingCode: string; role: string } }[] } }>('petitionDesk', MY_ASSIGNMENTS)).myAssignments.edges.map((e) => e.node).find((n) => n.trackingCode === trackingCode));
    expect(mine.role).toBe('LEAD');
    await as('petitionDesk', 'mutation ($id: ID!) { acceptAssignment(id: $id) { status } }', { id: mine.id });
    await as('petitionDesk', 'mutation ($id: ID!, $input: ReplyLetterInput!) { replyToAssignment(id: $id, input: $input) { status } }', {
      id: mine.id,
      input: {
        request: '咨询灵活就业人员社保缴费办理方式',
        facts: '来信人为灵活就业人员，询问养老保险缴费渠道与所需材料',
        reasons: '依据现行社会保险政策',
        opinion: '可持身份证到县社保中心窗口或通过浙里办办理，按年或按月缴费',
        legalBasis: ['《社会保险法》第十条'],
        conclusion: 'EXPLAIN',
      },
    });

    const stopped = await waitFor('the clock stopped', async () => (await deadlines(trackingCode)).find((d) => d.step === 'handling' && d.state === 'STOPPED'));
    expect(stopped.escalationLevel).toBe(0);
    expect(Date.parse(stopped.stoppedAt!)).toBeLessThanOrEqual(Date.parse(stopped.dueAt));
  });

  it('a letter received three months ago and registered only now breaches its handling deadline and escalates, on the board and as events', async () => {
    const places = demoPlaces();
    // Registration and transfer may take 15 days (第二十二条); the 60 handling days counted from then are long gone.
    const receivedAt = new Date(Date.now() - 90 * DAY).toISOString();
    const posted = await request(sut.url('intake'))
      .post('/api/v1/grievances')
      .send({
        channel: 'letter',
        petitioner: { name: '钱立新', phone: '13912345679', address: '城关镇东门村' },
        regionCode: places.village,
        categoryCode: 'wage_arrears',
        description: '来信反映：在镇上的厂里干了八个月，老板拖欠工资至今未付，请求帮助讨薪。',
        channelDetails: { receiptNumber: 'XF-2026-0417' },
        receivedAt,
      })
      .expect(201);
    const trackingCode: string = posted.body.trackingCode;
    expect(posted.body.receivedAt).toBe(receivedAt);

    const breached = await waitFor('the handling clock breached and escalated', async () =>
      (await deadlines(trackingCode)).find((d) => d.step === 'handling' && d.state === 'BREACHED' && d.escalationLevel >= 2));
    expect(breached.policyCode).toBe('handling_60d');
    expect(Date.parse(breached.dueAt)).toBeLessThan(Date.now());
    // 15 days past the deadline: the whole chain, up to discipline inspection.
    expect(breached).toMatchObject({ escalationLevel: 4, escalatedTo: 'discipline_inspection' });

    const board = await as<{ overdueBoard: { overdue: number; items: { trackingCode: string; step: string; state: string; kind: string; escalationLevel: number }[] } }>('supervisor', BOARD);
    expect(board.overdueBoard.items).toEqual(expect.arrayContaining([expect.objectContaining({ trackingCode, step: 'handling', state: 'BREACHED', kind: 'overdue', escalationLevel: 4 })]));

    const ns = new Namespace(sut.namespace);
    const facts = await waitFor('supervision.deadline.breached on the stream', async () => {
      const all = (await probe.read(ns.stream('supervision'), ns.subject(DeadlineBreached.subject))).map((m) => m.json<EventEnvelope<DeadlineBreachedV1>>().data);
      const mine = all.filter((d) => d.step === 'handling' && d.dueAt === breached.dueAt);
      return mine.length >= 4 ? mine : undefined;
    });
    expect(facts.map((f) => f.escalatedTo)).toEqual(['handling_unit', 'command_centre', 'joint_office', 'discipline_inspection']);
  });

  it('intake refuses a receipt date in the future or more than a year back', async () => {
    const places = demoPlaces();
    const post = (receivedAt: string) =>
      request(sut.url('intake')).post('/api/v1/grievances').send({ channel: 'letter', regionCode: places.village, categoryCode: 'wage_arrears', description: '来信反映拖欠工资的问题。', channelDetails: { receiptNumber: 'XF-2026-0418' }, receivedAt });
    for (const receivedAt of [new Date(Date.now() + 2 * DAY).toISOString(), new Date(Date.now() - 400 * DAY).toISOString()]) {
      const res = await post(receivedAt);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('receivedAt');
    }
  });
});
