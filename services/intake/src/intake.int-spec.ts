import request from 'supertest';
import { Client } from 'pg';
import { GrievanceReceived, type EventEnvelope, type GrievanceReceivedV1 } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { intakeService } from './service';

describe('intake service (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: string;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  beforeAll(async () => {
    sut = await startServiceUnderTest(intakeService);
    ({ svc, probe, pg, rpc } = sut);
    ns = sut.ns.prefix;
  });

  afterAll(() => sut?.close());

  const valid = {
    channel: 'hotline_12345',
    petitioner: { name: '王秀英', phone: '+86 138-0013-8000', idNumber: '11010519491231002X' },
    regionCode: '330621101201',
    categoryCode: 'wage_arrears',
    description: '在县城东工地干了四个月，包工头拖欠我们十二个人的工资共计三十六万元。',
    headcount: 12,
    channelDetails: { callId: 'C-20261122-0001', recordingRef: 'rec/2026/11/22/0001.wav' },
  };

  it('registers a grievance, keeps identity encrypted, and publishes received exactly once', async () => {
    const res = await request(svc.url).post('/api/v1/grievances').send(valid).expect(201);
    expect(res.body.trackingCode).toMatch(/^330621-\d{2}-/);
    expect(res.body.secret).toMatch(/^[2-9A-Z]{8}$/);

    const { rows } = await pg.query('SELECT g.collective, g.headcount, p.name, p.phone_cipher, p.id_number_cipher, p.phone_index FROM intake.grievance g JOIN intake.petitioner p ON p.id = g.petitioner_id WHERE g.id = $1', [res.body.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].collective).toBe(true);
    expect(rows[0].phone_cipher).not.toContain('13800138000');
    expect(rows[0].id_number_cipher).not.toContain('11010519491231002X');
    expect(rows[0].phone_index).toMatch(/^[0-9a-f]{64}$/);

    const stream = new Namespace(ns).stream('intake');
    const msgs = await waitFor('the received event on JetStream', async () => {
      const m = await probe.read(stream, `${ns}.${GrievanceReceived.subject}`);
      return m.length > 0 ? m : undefined;
    });
    expect(msgs).toHaveLength(1);
    const env = msgs[0].json<EventEnvelope<GrievanceReceivedV1>>();
    expect(env).toMatchObject({ type: 'intake.grievance.received', v: 1, data: { grievanceId: res.body.id, trackingCode: res.body.trackingCode, headcount: 12, collective: true } });
    expect(JSON.stringify(env)).not.toMatch(/13800138000|王秀英|11010519491231002X/);
    expect(msgs[0].headers?.get('Nats-Msg-Id')).toBe(env.id);
  });

  it('refuses bad input with field-level reasons and writes nothing', async () => {
    const before = await pg.query('SELECT count(*)::int AS n FROM intake.grievance');
    const res = await request(svc.url)
      .post('/api/v1/grievances')
      .send({ ...valid, channel: 'fax', petitioner: { name: '李四', idNumber: '110105194912310021' }, headcount: 0, extra: true })
      .expect(400);
    const fields = res.body.error.fields.map((f: { field: string }) => f.field).sort();
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(fields).toEqual(['channel', 'extra', 'headcount', 'petitioner.idNumber']);
    const after = await pg.query('SELECT count(*)::int AS n FROM intake.grievance');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await request(svc.url).post('/api/v1/grievances').set('content-type', 'application/json').send('{"channel": ').expect(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });

  it('accepts an anonymous grievance and serves it by tracking code over HTTP and NATS', async () => {
    const { body } = await request(svc.url)
      .post('/api/v1/grievances')
      .send({ channel: 'web', regionCode: '330621102', description: '村口养猪场臭味很大，夏天无法开窗。' })
      .expect(201);
    const viaHttp = await request(svc.url).get(`/api/v1/grievances/${body.trackingCode}`).expect(200);
    expect(viaHttp.body).toMatchObject({ trackingCode: body.trackingCode, status: 'received', channel: 'web', categoryCode: null });
    const { IntakeGetGrievance } = await import('@yikouban/contracts');
    const viaNats = await rpc.request(IntakeGetGrievance, { trackingCode: body.trackingCode });
    expect(viaNats).toEqual(viaHttp.body);
    await expect(rpc.request(IntakeGetGrievance, { trackingCode: '330621-26-ZZZZZ' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rpc.request(IntakeGetGrievance, { trackingCode: 'no spaces allowed' } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('flags a repeat: same person (by blind index), similar matter — and a different matter as first-time', async () => {
    const person = { name: '赵大妈', phone: '13712345678' };
    const first = await request(svc.url).post('/api/v1/grievances')
      .send({ channel: 'web', petitioner: person, regionCode: '330621103201', categoryCode: 'livestock_nuisance', description: '邻居在院子里搭建鸡舍养了五十多只鸡，臭味刺鼻，鸡叫声从凌晨四点开始，严重影响休息。' })
      .expect(201);
    const again = await request(svc.url).post('/api/v1/grievances')
      .send({ channel: 'wechat', petitioner: { ...person, phone: '137-1234-5678' }, regionCode: '330621103201', categoryCode: 'livestock_nuisance', description: '隔壁邻居院子里养鸡五十多只，鸡舍臭味很大，每天凌晨四点鸡叫吵得没法休息，之前反映过还没解决。' })
      .expect(201);
    const other = await request(svc.url).post('/api/v1/grievances')
      .send({ channel: 'web', petitioner: person, regionCode: '330621103201', categoryCode: 'rural_roads', description: '村里道路坑洼多年没有修，雨天孩子上学很危险。' })
      .expect(201);
    const get = async (code: string) => (await request(svc.url).get(`/api/v1/grievances/${code}`).expect(200)).body;
    expect(await get(first.body.trackingCode)).toMatchObject({ firstTime: true, repeatOf: null });
    expect(await get(again.body.trackingCode)).toMatchObject({ firstTime: false, repeatOf: first.body.id });
    expect(await get(other.body.trackingCode)).toMatchObject({ firstTime: true, repeatOf: null });
  });

  it('records oral petitions in writing and refuses more than five representatives', async () => {
    const walkIn = { channel: 'walk_in', petitioner: { name: '高某', phone: '13800000001' }, regionCode: '330621101', description: '对方长期拖欠钱款不给，请信访部门主持公道。' };
    const missing = await request(svc.url).post('/api/v1/grievances').send(walkIn).expect(400);
    expect(missing.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['petitioner.address', 'statement']);
    await request(svc.url)
      .post('/api/v1/grievances')
      .send({ ...walkIn, petitioner: { ...walkIn.petitioner, address: '城东街道幸福里12号' }, statement: { request: '要求对方归还欠款', facts: '2025年借款五万元至今未还', reasons: '对方违反协商约定' } })
      .expect(201);
    const rep = (i: number) => ({ name: `代表${i}`, phone: `1390000000${i}` });
    const group = { channel: 'web', regionCode: '330621101', categoryCode: 'wage_arrears', headcount: 40, description: '四十名工人被拖欠工资，推选代表反映。' };
    const tooMany = await request(svc.url).post('/api/v1/grievances').send({ ...group, representatives: [1, 2, 3, 4, 5, 6].map(rep) }).expect(400);
    expect(tooMany.body.error.fields[0]).toMatchObject({ field: 'representatives' });
    expect(tooMany.body.error.message).toContain('第二十条');
    const ok = await request(svc.url).post('/api/v1/grievances').send({ ...group, representatives: [1, 2, 3, 4, 5].map(rep) }).expect(201);
    const { rows } = await pg.query('SELECT count(*)::int AS n FROM intake.grievance_representative WHERE grievance_id = $1', [ok.body.id]);
    expect(rows[0].n).toBe(5);
  });

  it('answers health', async () => {
    await request(svc.url).get('/health/live').expect(200);
    const ready = await request(svc.url).get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, nats: { status: 'up' } });
  });
});
