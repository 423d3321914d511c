import request from 'supertest';
import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { GrievanceReceived } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { TEST_NATS_URL, waitFor } from '@yikouban/testing';
import { demoPlaces } from './support/demo-places';
import { SystemUnderTest } from './support/system';

const grievance = (n: number) => ({
  channel: 'hotline_12345',
  regionCode: demoPlaces().village,
  categoryCode: 'wage_arrears',
  description: `第${n}号来电：工地拖欠工资三个月，要求尽快结清。`,
  channelDetails: { callId: `CALL-${n}` },
});

describe('crash recovery: nothing lost, nothing twice', () => {
  let sut: SystemUnderTest;
  let pg: Client;
  const leadAssignments = async (): Promise<Map<string, number>> => {
    const { rows } = await pg.query(`SELECT grievance_id, count(*)::int AS n FROM routing.assignment WHERE role = 'lead' GROUP BY grievance_id`);
    return new Map(rows.map((r: { grievance_id: string; n: number }) => [r.grievance_id, r.n]));
  };

  beforeAll(async () => {
    // Short ack wait so the redelivery after a kill comes within the test's patience.
    sut = await SystemUnderTest.create({ YKB_ACK_WAIT_MS: '2000' });
    await sut.command('routing', 'seed');
    for (const s of ['intake', 'supervision', 'mediation', 'gateway'] as const) sut.start(s);
    sut.start('routing', { YKB_FAULT_PAUSE_BEFORE_ACK_MS: '60000' });
    await Promise.all((['intake', 'routing', 'supervision', 'mediation', 'gateway'] as const).map((s) => sut.ready(s)));
    pg = new Client({ connectionString: sut.db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await sut?.stop();
  });

  it('routing killed (SIGKILL) after committing but before acking: restarted, exactly one assignment', async () => {
    const committed = sut.waitForLog('routing', /committed, pausing before ack/);
    const { body } = await request(sut.url('intake')).post('/api/v1/grievances').send(grievance(1)).expect(201);
    await committed;
    await sut.kill('routing', 'SIGKILL');

    sut.start('routing');
    await sut.ready('routing');
    const ns = new Namespace(sut.namespace);
    const nc = await connect({ servers: TEST_NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      const info = await waitFor('the event redelivered and acked', async () => {
        const i = await jsm.consumers.info(ns.stream('intake'), ns.durable('routing', GrievanceReceived.subject));
        // One message in the stream, delivered more than once (the kill lost the first ack), now acked.
        return i.delivered.consumer_seq >= 2 && i.ack_floor.stream_seq === 1 && i.num_ack_pending === 0 ? i : undefined;
      }, 20_000);
      expect(info.delivered.stream_seq).toBe(1);
    } finally {
      await nc.close();
    }
    const leads = await leadAssignments();
    expect(leads.get(body.id)).toBe(1);
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
