import request from 'supertest';
import { GrievanceMerged, type EventEnvelope } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { intakeService } from '../service';

describe('duplicate suggestions and merge (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;

  beforeAll(async () => {
    sut = await startServiceUnderTest(intakeService, {}, { database: 'dup', pg: false, rpcName: false });
    ({ ns, svc, probe } = sut);
  });

  afterAll(() => sut?.close());

  const post = async (description: string, lat: number, categoryCode = 'noise') =>
    (await request(svc.url).post('/api/v1/grievances').send({ channel: 'web', regionCode: '330621101', categoryCode, description, location: { lat, lng: 112.964, address: '城东路' } }).expect(201)).body;

  it('suggests the nearby same-category report and merges it, keeping both linked', async () => {
    const a = await post('城东工地每天夜里十一点后还在打桩，噪音吵得无法入睡', 22.765);
    const b = await post('工地晚上打桩太吵', 22.7665); // ~167 m north
    await post('菜市场早上五点卸货噪音', 22.80); // ~3.9 km away, different text
    await post('城东路灯坏了', 22.765, 'street_lights');
    const suggestions = (await request(svc.url).get(`/api/v1/grievances/${b.id}/duplicates`).expect(200)).body;
    expect(suggestions.map((s: { id: string }) => s.id)).toEqual([a.id]);
    expect(suggestions[0].reasons).toContain('nearby');

    await request(svc.url).post(`/api/v1/grievances/${b.id}/merge`).send({ intoId: a.id }).expect(200);
    await request(svc.url).post(`/api/v1/grievances/${b.id}/merge`).send({ intoId: a.id }).expect(409);
    await request(svc.url).post(`/api/v1/grievances/${a.id}/merge`).send({ intoId: a.id }).expect(400);
    const merged = await waitFor('the merged fact', async () => {
      const m = await probe.read(ns.stream('intake'), ns.subject(GrievanceMerged.subject));
      return m.length ? m : undefined;
    });
    expect(merged[0].json<EventEnvelope<{ grievanceId: string; mergedIntoId: string }>>().data).toMatchObject({ grievanceId: b.id, mergedIntoId: a.id });
    // Both records remain readable.
    await request(svc.url).get(`/api/v1/grievances/${b.trackingCode}`).expect(200);
  });

  it('answers unknown and malformed ids clearly', async () => {
    await request(svc.url).get('/api/v1/grievances/00000000-0000-4000-8000-000000000000/duplicates').expect(404);
    const bad = await request(svc.url).get('/api/v1/grievances/not-a-uuid/duplicates').expect(400);
    expect(bad.body.error.code).toBe('BAD_REQUEST');
  });
});
