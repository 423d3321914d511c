import request from 'supertest';
import { startDataServiceInProcess, startServiceUnderTest, TEST_NATS_URL, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { intakeService } from '../service';
import { TRACKING_REQUESTS_PER_MINUTE } from './public-rate-limit';

const PER_MINUTE = 6;

/**
 * The public limits are counted in intake's database: two replicas sharing it count together,
 * a racing burst lets exactly the limit through, and a replica started later (a restart) still
 * knows what was counted.
 */
describe('public rate limits across intake replicas (real PostgreSQL)', () => {
  let sut: ServiceUnderTest;
  let second: RunningService;
  let restarted: RunningService | undefined;
  const env = () => ({ DATABASE_URL: sut.db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: sut.ns.prefix, INTAKE_REQUESTS_PER_MINUTE: String(PER_MINUTE) });

  beforeAll(async () => {
    sut = await startServiceUnderTest(intakeService, { INTAKE_REQUESTS_PER_MINUTE: String(PER_MINUTE) }, { database: 'intake_rate_limit', rpcName: false });
    second = await startDataServiceInProcess(intakeService, env());
  });

  afterAll(async () => {
    await restarted?.close();
    await second?.close();
    await sut?.close();
  });

  const hits = async (like: string): Promise<number> => (await sut.pg.query('SELECT count(*)::int AS n FROM intake.rate_limit_hit WHERE limit_key LIKE $1', [like])).rows[0].n;

  it(`lets exactly ${PER_MINUTE} of a racing burst through, counted together across two replicas; the rest get 429 with Retry-After`, async () => {
    const replicas = [sut.svc.url, second.url];
    // A malformed tracking code: answered 400 by the handler, so only the limiter decides 400 or 429.
    const burst = await Promise.all(Array.from({ length: PER_MINUTE + 9 }, (_, i) => request(replicas[i % 2]).get('/api/v1/grievances/not-a-code')));
    const passed = burst.filter((r) => r.status === 400);
    const refused = burst.filter((r) => r.status === 429);
    expect([passed.length, refused.length]).toEqual([PER_MINUTE, 9]);
    for (const r of refused) {
      expect(r.body.error).toMatchObject({ code: 'RATE_LIMITED' });
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    for (const r of passed) expect(r.headers['x-ratelimit-limit']).toBe(String(PER_MINUTE));
    expect(passed.map((r) => Number(r.headers['x-ratelimit-remaining'])).sort()).toEqual(Array.from({ length: PER_MINUTE }, (_, i) => i));
    expect(await hits('public:GrievanceController.get|%')).toBe(PER_MINUTE);

    // Another endpoint has a counter of its own.
    await request(second.url).post('/api/v1/grievances').send({}).expect(400);
  });

  it('remembers the count when a replica (re)starts: the new one refuses too', async () => {
    await second.close();
    restarted = await startDataServiceInProcess(intakeService, env());
    const res = await request(restarted.url).get('/api/v1/grievances/not-a-code');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it(`holds the tracking door to ${TRACKING_REQUESTS_PER_MINUTE} a minute across replicas, and Open311 answers its own 429`, async () => {
    const replicas = [sut.svc.url, restarted!.url];
    const guesses = await Promise.all(
      Array.from({ length: TRACKING_REQUESTS_PER_MINUTE + 3 }, (_, i) => request(replicas[i % 2]).post('/api/v1/tracking').send({ trackingCode: '330621-26-YYYYY', secret: `GUESS${i}XX` })),
    );
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(3);
    expect(guesses.filter((r) => r.status !== 429).every((r) => r.status === 404 || r.status === 400)).toBe(true);

    const open311 = await Promise.all(Array.from({ length: PER_MINUTE + 1 }, (_, i) => request(replicas[i % 2]).get('/open311/v2/discovery.json')));
    const limited = open311.filter((r) => r.status === 429);
    expect(limited).toHaveLength(1);
    expect(limited[0].body).toEqual([{ code: 429, description: expect.stringContaining('too many requests') }]);
    expect(limited[0].headers['retry-after']).toBeDefined();
  });
});
