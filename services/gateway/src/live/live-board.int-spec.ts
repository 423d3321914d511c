import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Client, FormattedExecutionResult } from 'graphql-ws';
import { AssignmentAccepted, AssignmentCreated, GrievanceReceived, type AssignmentAcceptedV1, type AssignmentCreatedV1, type EventContract, type GrievanceReceivedV1 } from '@yikouban/contracts';
import { ensureStream, type Namespace } from '@yikouban/messaging';
import { waitFor, type JetStreamProbe } from '@yikouban/testing';
import type { InProcessGateway } from '../auth/testing/in-process-gateway';
import { reissue } from '../auth/testing/test-access';
import { TokenService } from '../auth/token.service';
import { TOKEN_EXPIRED_CLOSE } from '../graphql/connection-expiry';
import { receivedFact } from '../testing/facts';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';
import { LiveFeeds } from './live-feeds';

type Answer = FormattedExecutionResult<Record<string, unknown>, unknown>;

/** One graphql-ws subscription's answers as they arrive, and how the connection ended. */
class Watch {
  readonly answers: Answer[] = [];
  closeCode?: number;
  error?: unknown;
  done = false;
  readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.dispose = client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (a) => this.answers.push(a),
        error: (e) => {
          this.error = e;
          this.closeCode = (e as { code?: number }).code;
        },
        complete: () => (this.done = true),
      },
    );
  }

  data<T>(field: string): T[] {
    return this.answers.filter((a) => a.data?.[field]).map((a) => a.data![field] as T);
  }
}

describe('live boards over graphql-ws (in-process gateway, real NATS)', () => {
  let fakes: GatewayWithFakes;
  let ns: Namespace;
  let gateway: InProcessGateway;
  let probe: JetStreamProbe;
  let feeds: LiveFeeds;
  let tokens: Record<string, string>;

  const connect = (token?: string): Client => fakes.socket(token);
  const publish = <T extends object>(contract: EventContract<T>, data: T): Promise<void> => fakes.publishFact(contract, data);
  const received = receivedFact;

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({ name: 'gateway_live', env: { GATEWAY_RPC_TIMEOUT_MS: '500' } });
    ({ ns, gateway, nats: probe } = fakes);
    feeds = gateway.app.get(LiveFeeds);
    // The facts travel as intake and routing publish them: into their JetStream streams.
    const jsm = await jetstreamManager(probe.nc);
    await ensureStream(jsm, ns.stream('intake'), [ns.subject('intake.>')]);
    await ensureStream(jsm, ns.stream('routing'), [ns.subject('routing.>')]);
    tokens = await fakes.signInAll(['operator', 'leader', 'unit', 'court']);
  });

  afterAll(async () => {
    await fakes?.close();
  });

  const GRIEVANCES = `subscription ($region: String) { grievanceReceived(regionCode: $region) { trackingCode channel regionCode headcount collective receivedAt } }`;
  const ASSIGNMENTS = `subscription ($unit: String) { assignmentChanged(unitCode: $unit) { kind trackingCode unitCode unitName regionCode role } }`;

  it('refuses a connection without a valid access token (4403), before any operation', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const watch = new Watch(connect(token), GRIEVANCES);
      await waitFor('the refusal', () => watch.closeCode);
      expect(watch.closeCode).toBe(4403);
      expect(watch.answers).toEqual([]);
    }
  });

  it("delivers a grievance published on NATS to the operator's board, scoped to the operator's county", async () => {
    const before = feeds.grievances.subscribers;
    const operator = new Watch(connect(tokens.operator), GRIEVANCES);
    const leader = new Watch(connect(tokens.leader), GRIEVANCES);
    await waitFor('both subscriptions', () => feeds.grievances.subscribers === before + 2);

    const inTown = received({ regionCode: '330621101202', headcount: 12, collective: true, channel: 'hotline_12345' });
    const elsewhereInCounty = received({ regionCode: '330621103202001' });
    const otherCounty = received({ regionCode: '330622001' });
    // In the county but not a valid fact: left off the board, and the facts after it still show.
    const malformed = { ...received({ regionCode: '330621101202' }), headcount: 'twelve' } as unknown as GrievanceReceivedV1;
    for (const g of [malformed, otherCounty, elsewhereInCounty, inTown]) await publish(GrievanceReceived, g);

    const seen = await waitFor('two grievances on the operator board', () => {
      const got = operator.data<{ trackingCode: string }>('grievanceReceived');
      return got.length >= 2 ? got : undefined;
    });
    expect(seen.map((g) => g.trackingCode)).toEqual([elsewhereInCounty.trackingCode, inTown.trackingCode]);
    expect(seen[1]).toEqual({ trackingCode: inTown.trackingCode, channel: 'HOTLINE_12345', regionCode: '330621101202', headcount: 12, collective: true, receivedAt: inTown.receivedAt });
    // The town leader (region 330621101) sees the town's grievance only.
    const leaderSaw = await waitFor('the town grievance on the leader board', () => {
      const got = leader.data<{ trackingCode: string }>('grievanceReceived');
      return got.length ? got : undefined;
    });
    expect(leaderSaw.map((g) => g.trackingCode)).toEqual([inTown.trackingCode]);
    expect(operator.data('grievanceReceived')).toHaveLength(2);
  });

  it('refuses a region outside the caller\'s, and a role the subscription does not allow, with FORBIDDEN', async () => {
    const outside = new Watch(connect(tokens.leader), GRIEVANCES, { region: '330621103' });
    const court = new Watch(connect(tokens.court), GRIEVANCES);
    for (const w of [outside, court]) {
      await waitFor('the refusal', () => w.answers.length > 0 || w.error !== undefined);
      expect(w.answers).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })] }]);
    }
  });

  it('refuses a malformed region as BAD_USER_INPUT', async () => {
    const bad = new Watch(connect(tokens.operator), GRIEVANCES, { region: 'Not A Region!' });
    await waitFor('the refusal', () => bad.answers.length > 0);
    expect(bad.answers[0].errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("shows a unit its own assignments as they move, and the operator the county's", async () => {
    const before = feeds.assignments.subscribers;
    const unitWatch = new Watch(connect(tokens.unit), ASSIGNMENTS);
    const operatorWatch = new Watch(connect(tokens.operator), ASSIGNMENTS);
    await waitFor('both subscriptions', () => feeds.assignments.subscribers === before + 2);

    const ours: AssignmentCreatedV1 = {
      assignmentId: randomUUID(),
      grievanceId: randomUUID(),
      trackingCode: '330621-26-AAAAA1',
      role: 'lead',
      orgCode: 'dept_human_resources',
      orgName: '县人力资源和社会保障局',
      regionCode: '330621101202',
      ruleId: 'wage_arrears@330621',
      ruleVersion: 1,
      createdAt: new Date().toISOString(),
    };
    const theirs: AssignmentCreatedV1 = { ...ours, assignmentId: randomUUID(), trackingCode: '330621-26-BBBBB2', orgCode: 'dept_housing', orgName: '县住房和城乡建设局' };
    const accepted: AssignmentAcceptedV1 = {
      assignmentId: ours.assignmentId,
      grievanceId: ours.grievanceId,
      trackingCode: ours.trackingCode,
      role: 'lead',
      orgCode: ours.orgCode,
      by: { userId: 'u-1', orgCode: ours.orgCode },
      at: new Date().toISOString(),
    };
    await publish(AssignmentCreated, theirs);
    await publish(AssignmentCreated, ours);
    await publish(AssignmentAccepted, accepted);

    const unitSaw = await waitFor('created and accepted on the unit inbox', () => {
      const got = unitWatch.data<{ kind: string }>('assignmentChanged');
      return got.length >= 2 ? got : undefined;
    });
    expect(unitSaw).toEqual([
      { kind: 'CREATED', trackingCode: ours.trackingCode, unitCode: 'dept_human_resources', unitName: ours.orgName, regionCode: ours.regionCode, role: 'LEAD' },
      // The region of a later fact comes from the created fact the gateway saw.
      { kind: 'ACCEPTED', trackingCode: ours.trackingCode, unitCode: 'dept_human_resources', unitName: ours.orgName, regionCode: ours.regionCode, role: 'LEAD' },
    ]);
    const operatorSaw = await waitFor('three changes on the operator board', () => {
      const got = operatorWatch.data<{ kind: string; trackingCode: string }>('assignmentChanged');
      return got.length >= 3 ? got : undefined;
    });
    expect(operatorSaw.map((c) => [c.kind, c.trackingCode])).toEqual([
      ['CREATED', theirs.trackingCode],
      ['CREATED', ours.trackingCode],
      ['ACCEPTED', ours.trackingCode],
    ]);
  });

  it('refuses a unit watching another unit', async () => {
    const w = new Watch(connect(tokens.unit), ASSIGNMENTS, { unit: 'dept_housing' });
    await waitFor('the refusal', () => w.answers.length > 0);
    expect(w.answers[0].errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('applies the operation limits on the socket too, with the same codes', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { __typename }`).join(' ');
    const w = new Watch(connect(tokens.operator), `{ ${aliases} }`);
    await waitFor('the refusal', () => w.error !== undefined || w.answers.length > 0);
    expect(w.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'TOO_MANY_ALIASES' }) })]);
  });

  it('closes the socket (4403, access token expired) when the token it signed in with expires', async () => {
    // A token with six seconds left: issued "24 s ago" with the shortest lifetime allowed (30 s).
    const shortLived = new TokenService({ jwtSecret: gateway.config.effectiveJwtSecret, accessTokenTtlSeconds: 30, refreshTokenTtlHours: 1, production: false, now: () => Date.now() - 24_000 });
    // The operator's own sign-in, so the holder is still in good standing; only the lifetime is short.
    const token = reissue(tokens.operator, shortLived);
    const before = feeds.grievances.subscribers;
    const w = new Watch(connect(token), GRIEVANCES);
    await waitFor('the subscription', () => feeds.grievances.subscribers === before + 1);
    await waitFor('the socket to close', () => w.closeCode);
    expect(w.closeCode).toBe(TOKEN_EXPIRED_CLOSE.code);
    expect((w.error as { reason?: string }).reason).toBe(TOKEN_EXPIRED_CLOSE.reason);
    await waitFor('the subscription to end', () => feeds.grievances.subscribers === before);
  });

  it('stops listening when the client unsubscribes', async () => {
    const before = feeds.grievances.subscribers;
    const w = new Watch(connect(tokens.operator), GRIEVANCES);
    await waitFor('the subscription', () => feeds.grievances.subscribers === before + 1);
    w.dispose();
    await waitFor('the subscription to end', () => feeds.grievances.subscribers === before);
  });
});
