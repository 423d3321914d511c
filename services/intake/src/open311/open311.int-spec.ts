import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AssignmentCreated, ClockStarted, RoutingListCategories, type EventEnvelope } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import type { DataServiceSpec } from '@yikouban/service-kit';
import { createTestDatabase, JetStreamProbe, startDataServiceInProcess, TEST_NATS_URL, testNamespace, waitFor, type RunningService, type TestDatabase } from '@yikouban/testing';
import type { IntakeConfig } from '../config/intake.config';
import { intakeFeatures, intakeService } from '../service';
import { issueOpen311ApiKey, Open311ApiKeys, OPEN311_DEMO_API_KEY, seedOpen311DemoKey } from './api-key/open311-api-keys';
import type { CategoryCatalogue } from './catalogue/category-catalogue';
import { WITHHELD_ACCUSATION, WITHHELD_UNKNOWN } from './requests/request-view';
import { asXmlText, parseXml, schemaProblems, SwitchableCatalogue, TEST_CATEGORIES, xmlToPlain, type SchemaName } from './testing/open311-conformance';

const V2 = '/open311/v2';
const REGION = '330621';
const JURISDICTION = 'ykb.330621';

/** The intake service with the Open311 module wired in, as service.ts and data-source.ts will have it. */
function withOpen311(catalogue?: CategoryCatalogue): DataServiceSpec<IntakeConfig> {
  return { ...intakeService, features: (c) => intakeFeatures(c, { regionCode: REGION, jurisdictionId: JURISDICTION, catalogue }) };
}

describe('Open311 GeoReport v2 (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let ds: DataSource;
  const catalogue = new SwitchableCatalogue(TEST_CATEGORIES);

  const spec = withOpen311(catalogue);

  beforeAll(async () => {
    db = await createTestDatabase('open311');
    ns = new Namespace(testNamespace());
    svc = await startDataServiceInProcess(spec, { DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: ns.prefix });
    ds = svc.app.get(DataSource);
    probe = await JetStreamProbe.connect(TEST_NATS_URL);
    await seedOpen311DemoKey(ds);
  });

  afterAll(async () => {
    await svc?.close();
    await probe?.deleteStreams(ns.prefix);
    await probe?.close();
    await db?.drop();
  });

  beforeEach(() => {
    catalogue.available = true;
  });

  /** GET in both formats: the JSON conforms to its schema, the XML says the same thing. */
  async function both(path: string, schema: SchemaName, status = 200): Promise<unknown> {
    const json = await request(svc.url).get(`${V2}/${path}.json`).expect(status);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(schemaProblems(schema, json.body)).toEqual([]);
    const xml = await request(svc.url).get(`${V2}/${path}.xml`).expect(status);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xmlToPlain(parseXml(xml.text))).toEqual(asXmlText(json.body));
    return json.body;
  }

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (fields: Record<string, string>, format = 'json') => request(svc.url).post(`${V2}/requests.${format}`).type('form').send(form(fields));
  const report = { api_key: OPEN311_DEMO_API_KEY, service_code: 'road_damage', lat: '29.9876', long: '120.6543', address_string: '人民路与解放路口', description: '路口路面塌陷出现大坑，夜间已有电动车摔倒。' };
  const grievanceCount = async () => Number((await ds.query('SELECT count(*) AS n FROM grievance'))[0].n);

  async function submit(fields: Record<string, string> = {}): Promise<{ id: string; token: string }> {
    const res = await post({ ...report, ...fields }).expect(200);
    expect(schemaProblems('post-response', res.body)).toEqual([]);
    return { id: res.body[0].service_request_id, token: res.body[0].token };
  }

  function expectErrors(res: request.Response, status: number, pattern: RegExp): void {
    expect(res.status).toBe(status);
    expect(schemaProblems('errors', res.body)).toEqual([]);
    expect(res.body.every((e: { code: number }) => e.code === status)).toBe(true);
    expect(res.body.map((e: { description: string }) => e.description).join(' | ')).toMatch(pattern);
  }

  it('describes itself in discovery', async () => {
    const body = (await both('discovery', 'discovery')) as { endpoints: { url: string; type: string }[] };
    expect(body.endpoints[0].url).toBe(`${svc.url}${V2}`);
    expect(body.endpoints[0].type).toBe('test');
  });

  it('lists the classification list as services, and defines each with its attributes', async () => {
    const services = (await both('services', 'services')) as { service_code: string; group: string }[];
    expect(services.map((s) => s.service_code)).toEqual(TEST_CATEGORIES.map((c) => c.code));
    expect(services[1].group).toBe('申诉求决 (Appeals and claims)');
    const definition = (await both('services/wage_arrears', 'service-definition')) as { attributes: { code: string; values?: { key: string }[] }[] };
    expect(definition.attributes.map((a) => a.code)).toEqual(['headcount', 'occurred_at', 'paths_tried']);
    expect(definition.attributes[2].values?.map((v) => v.key)).toEqual(['arbitration', 'litigation']);
    expectErrors(await request(svc.url).get(`${V2}/services/no_such.json`), 404, /service_code not found/);
    expectErrors(await request(svc.url).get(`${V2}/services.csv`), 404, /use \.json or \.xml/);
    expectErrors(await request(svc.url).get(`${V2}/services.json?jurisdiction_id=elsewhere`), 404, /jurisdiction_id not found/);
    expect((await request(svc.url).get(`${V2}/services.json?jurisdiction_id=${JURISDICTION}`)).status).toBe(200);
  });

  it('registers a POSTed request as an open311 grievance, identity encrypted, details kept', async () => {
    const res = await post({ ...report, service_code: 'wage_arrears', first_name: '秀英', last_name: '王', phone: '13800138000', email: 'wxy@example.cn', media_url: 'https://img.example.cn/1.jpg', 'attribute[headcount]': '12', 'attribute[paths_tried][]': 'arbitration' }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(schemaProblems('post-response', res.body)).toEqual([]);
    const [{ service_request_id: code, token }] = res.body;
    expect(code).toMatch(/^330621-\d{2}-/);
    const [g] = await ds.query(
      `SELECT g.channel, g.category_code, g.region_code, g.headcount, g.collective, g.latitude, g.longitude, g.address_text, p.name, p.phone_cipher, r.token, r.media_url, r.attributes
       FROM grievance g JOIN petitioner p ON p.id = g.petitioner_id JOIN open311_request r ON r.grievance_id = g.id WHERE g.tracking_code = $1`,
      [code],
    );
    expect(g).toMatchObject({ channel: 'open311', category_code: 'wage_arrears', region_code: REGION, headcount: 12, collective: true, latitude: 29.9876, longitude: 120.6543, address_text: '人民路与解放路口', name: '王秀英', token, media_url: 'https://img.example.cn/1.jpg', attributes: { paths_tried: ['arbitration'] } });
    expect(g.phone_cipher).not.toContain('13800138000');
  });

  it('answers a POST in XML when asked', async () => {
    const res = await post(report, 'xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    const [answer] = xmlToPlain(parseXml(res.text)) as Record<string, string | null>[];
    expect(answer.service_request_id).toMatch(/^330621-\d{2}-/);
    expect(answer.token).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.account_id).toBeNull();
  });

  it.each([
    ['no service_code', { service_code: '' }, /service_code was not provided/],
    ['an unknown service_code', { service_code: 'no_such' }, /service_code no_such was not found/],
    ['no location', { lat: '', long: '', address_string: '' }, /a location is required/],
    ['a bad phone', { first_name: '伟', last_name: '张', phone: '1380013' }, /phone: .*Not a valid number/],
    ['a one-word description', { description: '坑' }, /description must be 5 to 4000/],
    ['an unknown attribute', { 'attribute[colour]': 'red' }, /has no attribute colour/],
  ])('refuses %s with 400 and writes nothing', async (_, fields, pattern) => {
    const before = await grievanceCount();
    expectErrors(await post({ ...report, ...fields }), 400, pattern);
    expect(await grievanceCount()).toBe(before);
  });

  it('answers errors in XML for an XML request', async () => {
    const res = await post({ ...report, service_code: '' }, 'xml').expect(400);
    const errors = xmlToPlain(parseXml(res.text)) as { code: string; description: string }[];
    expect(errors[0].code).toBe('400');
    expect(errors.map((e) => e.description).join()).toMatch(/service_code was not provided/);
  });

  it('refuses a missing, unknown or inactive api_key with 403, before looking at anything else', async () => {
    const { api_key: _, ...noKey } = report;
    expectErrors(await post(noKey), 403, /api_key was not provided/);
    expectErrors(await post({ ...report, api_key: 'guessed-key', service_code: '' }), 403, /api_key is not valid/);
    const issued = await issueOpen311ApiKey(ds, '停用的客户端 (retired client)');
    await submit({ api_key: issued.key });
    await ds.query('UPDATE open311_api_key SET active = false WHERE id = $1', [issued.id]);
    expectErrors(await post({ ...report, api_key: issued.key }), 403, /api_key is not valid/);
  });

  it('keeps keys only as hashes, seeds the demo key once, and refuses it in production', async () => {
    await seedOpen311DemoKey(ds);
    const rows = await ds.query('SELECT key_hash FROM open311_api_key');
    expect(JSON.stringify(rows)).not.toContain(OPEN311_DEMO_API_KEY);
    expect(rows.filter((r: { key_hash: string }) => r.key_hash.length === 64)).toHaveLength(rows.length);
    expect(Number((await ds.query("SELECT count(*) AS n FROM open311_api_key WHERE name LIKE '演示%'"))[0].n)).toBe(1);
    expect(await seedOpen311DemoKey(ds, true)).toBe(false);
    await expect(new Open311ApiKeys(ds, { production: true }).authenticate(OPEN311_DEMO_API_KEY)).rejects.toMatchObject({ status: 403 });
    await expect(new Open311ApiKeys(ds, { production: false }).authenticate(OPEN311_DEMO_API_KEY)).resolves.toMatchObject({ name: '演示密钥 (demo key)' });
  });

  it('is 503 in the error format while the category list cannot be had; reading requests still works', async () => {
    const { id } = await submit();
    catalogue.available = false;
    expectErrors(await request(svc.url).get(`${V2}/services.json`), 503, /service list is unavailable/);
    const before = await grievanceCount();
    expectErrors(await post(report), 503, /service list is unavailable/);
    expect(await grievanceCount()).toBe(before);
    const [r] = (await both(`requests/${id}`, 'requests')) as { service_name: string | null; description: string }[];
    expect(r.service_name).toBeNull();
    expect(r.description).toBe(WITHHELD_UNKNOWN);
  });

  it('shows a request by id, with the lead unit as agency and the handling deadline as expected date', async () => {
    const { id } = await submit();
    const [fresh] = (await both(`requests/${id}`, 'requests')) as Record<string, unknown>[];
    expect(fresh).toMatchObject({ service_request_id: id, status: 'open', service_code: 'road_damage', service_name: '道路损坏 (Road damage)', description: report.description, agency_responsible: null, expected_datetime: null, lat: 29.9876, long: 120.6543, address: report.address_string });
    const [{ id: grievanceId }] = await ds.query('SELECT id FROM grievance WHERE tracking_code = $1', [id]);
    const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });
    const assigned = envelope(AssignmentCreated.subject, { assignmentId: randomUUID(), grievanceId, trackingCode: id, role: 'lead', orgCode: 'dept_transport', orgName: '县交通运输局', regionCode: REGION, ruleId: 'r1', ruleVersion: 1, createdAt: new Date().toISOString() });
    await probe.publish(ns.subject(AssignmentCreated.subject), assigned, assigned.id);
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const clock = envelope(ClockStarted.subject, { clockId: randomUUID(), grievanceId, policyCode: 'first_time_7d', step: 'handling', startedAt: new Date().toISOString(), dueAt });
    await probe.publish(ns.subject(ClockStarted.subject), clock, clock.id);
    const seen = await waitFor('the assignment and the deadline', async () => {
      const res = await request(svc.url).get(`${V2}/requests/${id}.json`);
      return res.body[0]?.expected_datetime && res.body[0]?.agency_responsible ? res.body[0] : undefined;
    });
    expect(seen).toMatchObject({ status: 'open', agency_responsible: '县交通运输局', expected_datetime: dueAt, status_notes: expect.stringMatching(/assigned/) });
    expectErrors(await request(svc.url).get(`${V2}/requests/330621-26-ZZZZZ.json`), 404, /service_request_id not found/);
  });

  it('resolves a token to its service_request_id', async () => {
    const { id, token } = await submit();
    expect(await both(`tokens/${token}`, 'tokens')).toEqual([{ token, service_request_id: id }]);
    expectErrors(await request(svc.url).get(`${V2}/tokens/${'0'.repeat(32)}.json`), 404, /token not found/);
  });

  it('lists only Open311 requests: not other channels, nor older than 90 days by default', async () => {
    const web = await request(svc.url).post('/api/v1/grievances').send({ channel: 'web', regionCode: REGION, categoryCode: 'road_damage', description: '网上反映的路面问题，不应出现在 Open311 列表。' }).expect(201);
    expectErrors(await request(svc.url).get(`${V2}/requests/${web.body.trackingCode}.json`), 404, /not found/);
    const old = await submit();
    await ds.query("UPDATE grievance SET received_at = now() - interval '100 days' WHERE tracking_code = $1", [old.id]);
    const listed = ((await both('requests', 'requests')) as { service_request_id: string; requested_datetime: string }[]).map((r) => r.service_request_id);
    expect(listed).not.toContain(web.body.trackingCode);
    expect(listed).not.toContain(old.id);
    const from = new Date(Date.now() - 110 * 86_400_000).toISOString();
    const to = new Date(Date.now() - 50 * 86_400_000).toISOString();
    const inRange = (await request(svc.url).get(`${V2}/requests.json`).query({ start_date: from, end_date: to }).expect(200)).body;
    expect(inRange.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([old.id]);
    expectErrors(await request(svc.url).get(`${V2}/requests.json`).query({ start_date: from, end_date: new Date().toISOString() }), 400, /more than 90 days/);
  });

  it('filters by status, service_code and ids', async () => {
    const road = await submit();
    const wage = await submit({ service_code: 'wage_arrears' });
    const gone = await submit();
    await ds.query("UPDATE grievance SET status = 'withdrawn', withdrawn_reason = '已自行修好' WHERE tracking_code = $1", [gone.id]);
    const ids = async (query: Record<string, string>) => ((await request(svc.url).get(`${V2}/requests.json`).query(query).expect(200)).body as { service_request_id: string }[]).map((r) => r.service_request_id);
    const closed = (await request(svc.url).get(`${V2}/requests.json?status=closed`).expect(200)).body;
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toContain(gone.id);
    expect(closed.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    expect(closed.find((r: { service_request_id: string }) => r.service_request_id === gone.id).status_notes).toMatch(/已自行修好/);
    expect(await ids({ status: 'open' })).not.toContain(gone.id);
    const wageOnly = await ids({ service_code: 'wage_arrears' });
    expect(wageOnly).toContain(wage.id);
    expect(wageOnly).not.toContain(road.id);
    expect(await ids({ service_request_id: `${road.id},${gone.id}`, status: 'open' })).toEqual(expect.arrayContaining([road.id, gone.id]));
    expectErrors(await request(svc.url).get(`${V2}/requests.json?status=pending`), 400, /open or closed/);
  });

  it('withholds the text of accusations', async () => {
    const { id } = await submit({ service_code: 'official_misconduct', description: '某站所工作人员办事推诿，要求吃请才办。' });
    const [r] = (await both(`requests/${id}`, 'requests')) as { description: string }[];
    expect(r.description).toBe(WITHHELD_ACCUSATION);
  });

  it('returns at most 1000 requests, newest first', async () => {
    await ds.query(
      `INSERT INTO grievance (id, tracking_code, secret_hash, channel, status, region_code, category_code, description, headcount, collective, first_time, received_at, updated_at)
       SELECT gen_random_uuid(), 'BULK-26-' || lpad(n::text, 5, '0'), repeat('0', 64), 'open311', 'received', $1, 'road_damage', '批量造的测试诉求。', 1, false, true,
              now() - n * interval '1 minute', now()
       FROM generate_series(1, 1005) AS n`,
      [REGION],
    );
    const body = (await request(svc.url).get(`${V2}/requests.json`).expect(200)).body as { requested_datetime: string }[];
    expect(body).toHaveLength(1000);
    const times = body.map((r) => Date.parse(r.requested_datetime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('answers unknown Open311 addresses with 404 in its own format', async () => {
    expectErrors(await request(svc.url).get(`${V2}/nothing.json`), 404, /no such Open311 resource/);
    const xml = await request(svc.url).get(`${V2}/nothing.xml`).expect(404);
    expect(xmlToPlain(parseXml(xml.text))).toEqual([{ code: '404', description: expect.stringMatching(/no such Open311 resource/) }]);
  });
});

describe('Open311 wired to routing over NATS (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;

  beforeAll(async () => {
    db = await createTestDatabase('open311_nats');
    ns = new Namespace(testNamespace());
    svc = await startDataServiceInProcess(withOpen311(), { DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: ns.prefix });
    probe = await JetStreamProbe.connect(TEST_NATS_URL);
  });

  afterAll(async () => {
    await svc?.close();
    await probe?.deleteStreams(ns.prefix);
    await probe?.close();
    await db?.drop();
  });

  it('is 503 until routing answers, then lists what routing says', async () => {
    const down = await request(svc.url).get(`${V2}/services.json`).expect(503);
    expect(schemaProblems('errors', down.body)).toEqual([]);
    // Routing's side of routing.category.list, as Nest's NATS transport answers it.
    probe.nc.subscribe(ns.subject(RoutingListCategories.subject), {
      callback: (_, msg) => {
        const packet = JSON.parse(new TextDecoder().decode(msg.data)) as { id: string };
        msg.respond(JSON.stringify({ id: packet.id, response: TEST_CATEGORIES.slice(0, 1), isDisposed: true }));
      },
    });
    // Subscriptions travel to the server asynchronously; without the round trip the next
    // request can reach NATS first and find no responder (a flake CI once caught).
    await probe.nc.flush();
    const up = await request(svc.url).get(`${V2}/services.json`).expect(200);
    expect(up.body.map((s: { service_code: string }) => s.service_code)).toEqual([TEST_CATEGORIES[0].code]);
  });
});
