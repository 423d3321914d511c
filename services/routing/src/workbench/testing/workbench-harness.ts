import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GrievanceReceived, type EventEnvelope, type GrievanceReceivedV1, type QueryContract, type ReplyLetter } from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { createTestDatabase, JetStreamProbe, startDataServiceInProcess, TEST_NATS_URL, testNamespace, waitFor, type RunningService, type TestDatabase } from '@yikouban/testing';
import { routingDataSourceOptions } from '../../database/data-source';
import { seedDemoCounty } from '../../seed/demo-seed';
import { routingService } from '../../service';

export const HR = 'dept_human_resources';
export const HOUSING = 'dept_housing';
export const SHIQIAO_TOWN = 'town_330621103';
export const SHIQIAO_MEDIATION = 'med_330621103';
export const COMMAND_CENTRE = 'command_330621';
export const JOINT_OFFICE = 'joint_office_330621';

export const actor = (orgCode: string, userId = `${orgCode}-clerk`) => ({ userId, orgCode });

export const LETTER: ReplyLetter = {
  request: '要求支付拖欠的三个月工资共计十二万元',
  facts: '经查，该项目总包单位拖欠农民工工资属实，涉及12人',
  reasons: '依据劳动合同约定及工资支付记录',
  opinion: '责令总包单位于十日内足额支付，并由住建部门督促落实',
  legalBasis: ['《保障农民工工资支付条例》第三十条', '《信访工作条例》第三十二条'],
  conclusion: 'support',
};

/** A running routing service on its own database and namespace, with the demo county seeded. */
export class WorkbenchHarness {
  private constructor(
    readonly db: TestDatabase,
    readonly ns: Namespace,
    readonly svc: RunningService,
    readonly probe: JetStreamProbe,
    readonly pg: Client,
    readonly rpc: RpcClient,
  ) {}

  static async start(): Promise<WorkbenchHarness> {
    const db = await createTestDatabase('routing_wb');
    const ns = new Namespace(testNamespace());
    const svc = await startDataServiceInProcess(routingService, { DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: ns.prefix });
    await seedDemoCounty(routingDataSourceOptions(db.url), new JsonLogger('routing-test', 'warn'));
    const probe = await JetStreamProbe.connect(TEST_NATS_URL);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const rpc = new RpcClient(ns, TEST_NATS_URL, 'routing-workbench-test', 10_000);
    await rpc.connect();
    return new WorkbenchHarness(db, ns, svc, probe, pg, rpc);
  }

  async stop(): Promise<void> {
    await this.rpc?.close();
    await this.svc?.close();
    await this.pg?.end();
    await this.probe?.deleteStreams(this.ns.prefix);
    await this.probe?.close();
    await this.db?.drop();
  }

  /** Publishes intake's fact and waits until routing has assigned the grievance; answers its assignments, lead first. */
  async receive(over: Partial<GrievanceReceivedV1> = {}): Promise<{ grievanceId: string; assignments: { id: string; role: string; org_code: string }[] }> {
    const e: EventEnvelope<GrievanceReceivedV1> = {
      id: randomUUID(),
      type: GrievanceReceived.subject,
      v: 1,
      occurredAt: new Date().toISOString(),
      data: { grievanceId: randomUUID(), trackingCode: '330621-26-3301W', channel: 'walk_in', regionCode: '330621102202', categoryCode: 'wage_arrears', headcount: 12, collective: true, firstTime: true, receivedAt: new Date().toISOString(), ...over },
    };
    await this.probe.publish(this.ns.subject(GrievanceReceived.subject), e, e.id);
    const assignments = await waitFor('assignments', async () => {
      const { rows } = await this.pg.query('SELECT id, role, org_code FROM routing.assignment WHERE grievance_id = $1 ORDER BY role DESC, org_code', [e.data.grievanceId]);
      return rows.length > 0 ? (rows as { id: string; role: string; org_code: string }[]) : undefined;
    });
    return { grievanceId: e.data.grievanceId, assignments };
  }

  request<Req extends object, Res>(contract: QueryContract<Req, Res>, payload: Req): Promise<Res> {
    return this.rpc.request(contract, payload);
  }

  /** The refusal a request meets: its RPC code and the domain's code (first in the message). */
  async refusal<Req extends object>(contract: QueryContract<Req, unknown>, payload: Req): Promise<{ code: string; domain: string; message: string }> {
    try {
      await this.rpc.request(contract, payload);
    } catch (err) {
      if (err instanceof RpcCallError) return { code: err.code, domain: err.message.split(':')[0], message: err.message };
      throw err;
    }
    throw new Error(`${contract.subject} was expected to be refused`);
  }

  /** The facts of one subject about one grievance that reached the routing stream. */
  async facts<T>(subject: string, grievanceId: string): Promise<EventEnvelope<T>[]> {
    const msgs = await this.probe.read(this.ns.stream('routing'), this.ns.subject(subject));
    return msgs.map((m) => m.json<EventEnvelope<T & { grievanceId: string }>>()).filter((e) => e.data.grievanceId === grievanceId) as EventEnvelope<T>[];
  }

  /** Waits for exactly `count` facts of a subject about a grievance. */
  async awaitFacts<T>(subject: string, grievanceId: string, count: number): Promise<EventEnvelope<T>[]> {
    return waitFor(`${count} × ${subject}`, async () => {
      const found = await this.facts<T>(subject, grievanceId);
      return found.length === count ? found : undefined;
    });
  }

  /**
   * Everything written to the outbox about a grievance has been published, each fact exactly once:
   * per subject, the stream holds as many messages as the outbox rows, with distinct ids.
   */
  async expectPublishedOnce(grievanceId: string): Promise<Record<string, number>> {
    const { rows } = await this.pg.query<{ subject: string; n: string; unpublished: string }>(
      `SELECT subject, count(*) AS n, count(*) FILTER (WHERE published_at IS NULL) AS unpublished FROM routing.outbox
       WHERE payload->'data'->>'grievanceId' = $1 GROUP BY subject ORDER BY subject`,
      [grievanceId],
    );
    const written = Object.fromEntries(rows.map((r) => [r.subject, Number(r.n)]));
    await waitFor('the outbox drained', async () => {
      const { rows: left } = await this.pg.query(`SELECT 1 FROM routing.outbox WHERE published_at IS NULL AND payload->'data'->>'grievanceId' = $1`, [grievanceId]);
      return left.length === 0;
    });
    for (const [subject, n] of Object.entries(written)) {
      const found = await this.facts<{ grievanceId: string }>(subject, grievanceId);
      if (found.length !== n || new Set(found.map((f) => f.id)).size !== n) throw new Error(`${subject}: ${n} written, ${found.length} published`);
    }
    return written;
  }
}
