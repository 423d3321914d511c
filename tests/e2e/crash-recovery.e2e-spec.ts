import request from 'supertest';
import { Client } from 'pg';
import { jetstreamManager, type ConsumerInfo, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AssignmentCreated, GrievanceReceived, GrievanceWithdrawn, HandoffConcluded, type EventContract } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { JetStreamProbe, TEST_NATS_URL, waitFor } from '@yikouban/testing';
import { demoPlaces } from './support/demo-places';
import { GRIEVANCE_QUERY, graphql, signInAs } from './support/graphql';
import { SystemUnderTest, type Service } from './support/system';

const grievance = (n: number) => ({
  channel: 'hotline_12345',
  regionCode: demoPlaces().village,
  categoryCode: 'wage_arrears',
  description: `第${n}号来电：工地拖欠工资三个月，要求尽快结清。`,
  channelDetails: { callId: `CALL-${n}` },
});

/** Long enough that only the test's SIGKILL ends the pause. */
const PAUSE = '60000';

/** A log line holding every one of the given fragments, in any order. */
const logWith = (...parts: string[]) => new RegExp(parts.map((p) => `(?=.*${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).join(''));

/** What one case carries from step to step. */
interface Ctx {
  grievance?: { id: string; trackingCode: string; secret: string; firstTime: boolean };
  handoffId?: string;
  refreshToken?: string;
}

/**
 * One row of the table: a service is run with a fault-injection pause, something makes it enter
 * the window, it is SIGKILLed there, started again (without the fault) and the effect is counted.
 */
interface CrashCase {
  name: string;
  service: Service;
  /** Settings for the run that gets killed (empty: the running process is killed as it is). */
  fault: Record<string, string>;
  /** The log line saying the process is inside the window. */
  window?: RegExp;
  /** The event the killed process holds unacked: shown pending before the kill, acked after the restart. */
  inHand?: EventContract<object>;
  /** Before the fault run starts. */
  arrange?(ctx: Ctx): Promise<void>;
  /** What makes the process enter the window. */
  trigger(ctx: Ctx): Promise<void>;
  /** Checked inside the window, just before the kill. */
  inWindow?(ctx: Ctx): Promise<void>;
  /** After the restart: the effect happened exactly once. */
  recovered(ctx: Ctx): Promise<void>;
}

describe('crash recovery: killing and restarting any service loses nothing and applies nothing twice', () => {
  let sut: SystemUnderTest;
  let pg: Client;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let probe: JetStreamProbe;
  let ns: Namespace;
  let n = 0;

  const count = async (sql: string, params: unknown[]): Promise<number> => ((await pg.query(sql, params)).rows[0] as { n: number }).n;
  const leadAssignments = async (): Promise<Map<string, number>> => {
    const { rows } = await pg.query(`SELECT grievance_id, count(*)::int AS n FROM routing.assignment WHERE role = 'lead' GROUP BY grievance_id`);
    return new Map(rows.map((r: { grievance_id: string; n: number }) => [r.grievance_id, r.n]));
  };
  const leadsOf = async (grievanceId: string) => count(`SELECT count(*)::int AS n FROM routing.assignment WHERE role = 'lead' AND grievance_id = $1`, [grievanceId]);
  const clocksOf = async (grievanceId: string, step: string) => count(`SELECT count(*)::int AS n FROM supervision.clock WHERE grievance_id = $1 AND step = $2`, [grievanceId, step]);
  const consumerOf = (service: Service, contract: EventContract<object>): Promise<ConsumerInfo> =>
    jsm.consumers.info(ns.stream(contract.owner), ns.durable(service, contract.subject));

  const post = async (ctx: Ctx, body: object = grievance(++n)): Promise<void> => {
    ctx.grievance = (await request(sut.url('intake')).post('/api/v1/grievances').send(body).expect(201)).body as Ctx['grievance'];
  };
  const routed = (ctx: Ctx) => waitFor('the grievance routed', async () => ((await leadsOf(ctx.grievance!.id)) > 0 ? true : undefined), 20_000);
  /** How many times intake's stream holds the grievance's received event. */
  const receivedInStream = async (grievanceId: string): Promise<number> => {
    const msgs = await probe.read(ns.stream('intake'), ns.subject(GrievanceReceived.subject));
    return msgs.filter((m) => (m.json() as { data: { grievanceId: string } }).data.grievanceId === grievanceId).length;
  };
  /** The received event's outbox row: published_at stays null until the relay marks it sent. */
  const receivedOutboxRow = async (grievanceId: string) =>
    (await pg.query(`SELECT id, published_at FROM intake.outbox WHERE subject = $1 AND payload->'data'->>'grievanceId' = $2`, [GrievanceReceived.subject, grievanceId])).rows as { id: string; published_at: Date | null }[];

  const CASES: CrashCase[] = [
    {
      name: 'routing killed after committing an assignment but before acking intake.grievance.received: exactly one assignment',
      service: 'routing',
      fault: { YKB_FAULT_PAUSE_BEFORE_ACK_MS: PAUSE },
      window: logWith('committed, pausing before ack', 'routing__intake_grievance_received'),
      inHand: GrievanceReceived,
      trigger: (ctx) => post(ctx),
      inWindow: async (ctx) => expect(await leadsOf(ctx.grievance!.id)).toBe(1),
      recovered: async (ctx) => expect(await leadsOf(ctx.grievance!.id)).toBe(1),
    },
    {
      name: 'supervision killed after starting the clocks but before acking routing.assignment.created: one handling clock, one feedback clock',
      service: 'supervision',
      fault: { YKB_FAULT_PAUSE_BEFORE_ACK_MS: PAUSE },
      window: logWith('committed, pausing before ack', 'supervision__routing_assignment_created'),
      inHand: AssignmentCreated,
      // Routing waits until supervision knows the grievance is first-time, so the feedback clock is due.
      arrange: async (ctx) => {
        await sut.kill('routing', 'SIGTERM');
        await post(ctx);
        expect(ctx.grievance!.firstTime).toBe(true);
        await waitFor('supervision holding the profile', async () => (await count('SELECT count(*)::int AS n FROM supervision.grievance_profile WHERE grievance_id = $1 AND first_time', [ctx.grievance!.id])) === 1 || undefined);
      },
      trigger: async () => {
        sut.start('routing');
        await sut.ready('routing');
      },
      inWindow: async (ctx) => expect(await clocksOf(ctx.grievance!.id, 'handling')).toBe(1),
      recovered: async (ctx) => {
        expect(await clocksOf(ctx.grievance!.id, 'handling')).toBe(1);
        expect(await clocksOf(ctx.grievance!.id, 'feedback')).toBe(1);
      },
    },
    {
      name: 'intake killed between committing a grievance and publishing its event: published once, routed once',
      service: 'intake',
      fault: { YKB_FAULT_PAUSE_BEFORE_PUBLISH_MS: PAUSE },
      window: logWith('claimed, pausing before publish', GrievanceReceived.subject),
      trigger: (ctx) => post(ctx),
      inWindow: async (ctx) => {
        expect((await receivedOutboxRow(ctx.grievance!.id)).map((r) => r.published_at)).toEqual([null]);
        expect(await receivedInStream(ctx.grievance!.id)).toBe(0);
      },
      recovered: async (ctx) => {
        await waitFor('the outbox row marked sent', async () => (await receivedOutboxRow(ctx.grievance!.id))[0].published_at ?? undefined, 20_000);
        expect(await receivedInStream(ctx.grievance!.id)).toBe(1);
        await routed(ctx);
        expect(await leadsOf(ctx.grievance!.id)).toBe(1);
      },
    },
    {
      name: 'intake killed between publishing an event and marking it sent: re-published, deduplicated by Nats-Msg-Id, routed once',
      service: 'intake',
      fault: { YKB_FAULT_PAUSE_BEFORE_MARK_SENT_MS: PAUSE },
      window: logWith('published, pausing before marking sent', GrievanceReceived.subject),
      trigger: (ctx) => post(ctx),
      inWindow: async (ctx) => {
        expect((await receivedOutboxRow(ctx.grievance!.id)).map((r) => r.published_at)).toEqual([null]);
        expect(await receivedInStream(ctx.grievance!.id)).toBe(1);
      },
      recovered: async (ctx) => {
        // Marked sent only after the restarted relay published it again: the stream dropped the copy.
        await waitFor('the outbox row marked sent', async () => (await receivedOutboxRow(ctx.grievance!.id))[0].published_at ?? undefined, 20_000);
        expect(await receivedInStream(ctx.grievance!.id)).toBe(1);
        await routed(ctx);
        expect(await leadsOf(ctx.grievance!.id)).toBe(1);
      },
    },
    {
      name: 'mediation killed after closing a 访调 but before acking intake.grievance.withdrawn: one withdrawal, one conclusion published',
      service: 'mediation',
      fault: { YKB_FAULT_PAUSE_BEFORE_ACK_MS: PAUSE },
      window: logWith('committed, pausing before ack', 'mediation__intake_grievance_withdrawn'),
      inHand: GrievanceWithdrawn,
      // 人社, the lead unit, hands the petition to the labour committee; the petitioner then withdraws it.
      arrange: async (ctx) => {
        await post(ctx);
        await routed(ctx);
        const unit = await signInAs(sut.url('gateway'), 'unit_staff');
        const { data, errors } = await graphql<{ requestHandoff: { id: string } }>(
          sut.url('gateway'),
          'mutation ($input: RequestHandoffInput!) { requestHandoff(input: $input) { id } }',
          {
            input: {
              kind: 'PETITION_MEDIATION',
              grievanceId: ctx.grievance!.id,
              targetOrgCode: 'med_labour',
              sourceReference: ctx.grievance!.trackingCode,
              matter: '工地拖欠工资纠纷',
              parties: [
                { id: 'p-worker', name: '来电人', role: 'APPLICANT' },
                { id: 'p-site', name: '施工方', role: 'RESPONDENT' },
              ],
            },
          },
          unit,
        );
        if (!data?.requestHandoff) throw new Error(`requestHandoff: ${JSON.stringify(errors)}`);
        ctx.handoffId = data.requestHandoff.id;
      },
      trigger: async (ctx) => {
        const { trackingCode, secret } = ctx.grievance!;
        await request(sut.url('intake')).post('/api/v1/tracking/withdraw').send({ trackingCode, secret, reason: '工资已经结清' }).expect(200);
      },
      inWindow: async (ctx) => expect((await pg.query('SELECT status FROM mediation.handoff WHERE id = $1', [ctx.handoffId])).rows).toEqual([{ status: 'concluded_failed' }]),
      recovered: async (ctx) => {
        expect((await pg.query('SELECT status FROM mediation.handoff WHERE id = $1', [ctx.handoffId])).rows).toEqual([{ status: 'concluded_failed' }]);
        expect(await count(`SELECT count(*)::int AS n FROM mediation.handoff_transition WHERE handoff_id = $1 AND command = 'withdraw_request'`, [ctx.handoffId])).toBe(1);
        expect(await count(`SELECT count(*)::int AS n FROM mediation.outbox WHERE subject = $1 AND payload->'data'->>'handoffId' = $2`, [HandoffConcluded.subject, ctx.handoffId])).toBe(1);
      },
    },
    {
      name: 'gateway killed: restarted, sign-in, a refresh token from before the kill and queries work again',
      service: 'gateway',
      fault: {},
      arrange: async (ctx) => {
        await post(ctx);
        await routed(ctx);
        const { data } = await graphql<{ login: { refreshToken: string } }>(sut.url('gateway'), 'mutation { login(username: "operator", password: "yikouban-demo-operator") { refreshToken } }');
        ctx.refreshToken = data!.login.refreshToken;
      },
      trigger: async () => undefined,
      recovered: async (ctx) => {
        const url = sut.url('gateway');
        const refreshed = await graphql<{ refresh: { accessToken: string } }>(url, 'mutation ($t: String!) { refresh(refreshToken: $t) { accessToken } }', { t: ctx.refreshToken });
        expect(refreshed.errors).toBeUndefined();
        expect(refreshed.data?.refresh.accessToken).toEqual(expect.any(String));
        const token = await signInAs(url, 'command_operator');
        const { data, errors } = await graphql<{ grievance: { trackingCode: string; leadUnit: { unitCode: string } | null } }>(url, GRIEVANCE_QUERY, { code: ctx.grievance!.trackingCode }, token);
        expect(errors).toBeUndefined();
        expect(data!.grievance).toMatchObject({ trackingCode: ctx.grievance!.trackingCode, leadUnit: { unitCode: demoPlaces().humanResources } });
      },
    },
  ];

  beforeAll(async () => {
    // Short ack wait so the redelivery after a kill comes within the test's patience.
    sut = await SystemUnderTest.create({ YKB_ACK_WAIT_MS: '2000' });
    await sut.startAll();
    pg = new Client({ connectionString: sut.db.url });
    await pg.connect();
    ns = new Namespace(sut.namespace);
    nc = await connect({ servers: TEST_NATS_URL });
    jsm = await jetstreamManager(nc);
    probe = await JetStreamProbe.connect(TEST_NATS_URL);
  });

  afterAll(async () => {
    await probe?.close();
    await nc?.close();
    await pg?.end();
    await sut?.stop();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const ctx: Ctx = {};
    await c.arrange?.(ctx);
    if (Object.keys(c.fault).length > 0) await sut.restart(c.service, c.fault);
    const entered = c.window ? sut.waitForLog(c.service, c.window) : Promise.resolve('');
    await c.trigger(ctx);
    await entered;
    if (c.inHand) expect((await consumerOf(c.service, c.inHand)).num_ack_pending).toBeGreaterThan(0);
    await c.inWindow?.(ctx);

    await sut.kill(c.service, 'SIGKILL');
    sut.start(c.service);
    await sut.ready(c.service);

    // The event the killed process held comes again; the inbox makes it a no-op, and it is acked.
    if (c.inHand) await waitFor('the event redelivered and acked', async () => {
      const info = await consumerOf(c.service, c.inHand!);
      return info.num_ack_pending === 0 && info.num_pending === 0 ? info : undefined;
    }, 20_000);
    await c.recovered(ctx);
  });

  it('routing killed (SIGKILL) in the middle of a burst: every grievance gets exactly one lead unit', async () => {
    const posts = Array.from({ length: 30 }, (_, i) => request(sut.url('intake')).post('/api/v1/grievances').send(grievance(100 + i)).expect(201));
    const first = await Promise.all(posts.slice(0, 15));
    await sut.kill('routing', 'SIGKILL');
    const second = await Promise.all(posts.slice(15));
    sut.start('routing');
    await sut.ready('routing');
    const ids = [...first, ...second].map((r) => r.body.id as string);
    const leads = await waitFor('all 30 routed', async () => {
      const m = await leadAssignments();
      return ids.every((id) => m.has(id)) ? m : undefined;
    }, 30_000);
    expect(ids.map((id) => leads.get(id))).toEqual(ids.map(() => 1));
  });

  it('intake killed (SIGKILL) right after accepting: restarted, the grievance is still routed', async () => {
    const { body } = await request(sut.url('intake')).post('/api/v1/grievances').send(grievance(999)).expect(201);
    await sut.kill('intake', 'SIGKILL');
    sut.start('intake');
    await sut.ready('intake');
    await waitFor('the grievance routed', async () => (await leadAssignments()).get(body.id) === 1, 20_000);
    const clocks = await waitFor('its handling clock', async () => {
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM supervision.clock WHERE grievance_id = $1 AND step = 'handling'`, [body.id]);
      return rows[0].n > 0 ? rows[0].n : undefined;
    });
    expect(clocks).toBe(1);
  });
});
