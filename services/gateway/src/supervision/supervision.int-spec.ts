import { SupervisionIndicators, SupervisionRequestReview, type AftercareView, type IndicatorQuery, type RequestReview } from '@yikouban/contracts';
import { gql, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';

const CODE = '330621-26-7781K';

/**
 * The gateway's supervision surface in process with real sign-in and NATS, against a stand-in
 * supervision service that answers like the real one (the real one's behaviour is covered by
 * services/supervision/src/aftercare/aftercare.int-spec.ts): who is allowed, what the payload
 * carries from the token, and how a refusal comes back.
 */
describe('supervision through the gateway (in process, real NATS and sign-in, stand-in supervision service)', () => {
  const received: { subject: string; data: unknown }[] = [];
  let fakes: GatewayWithFakes;
  let gateway: InProcessGateway;
  let tokens: Record<string, string>;
  const as = <T>(user: string, query: string, variables: Record<string, unknown> = {}) => gql<T>(gateway.url, query, variables, tokens[user]);

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({
      name: 'gateway_supervision',
      onRequest: (subject, data) => received.push({ subject, data }),
      responders: (respond) => {
        respond(SupervisionIndicators, (q: IndicatorQuery) => ({
          response: [{ key: q.orgCode ?? null, counts: { received: 0, repeats: 0, assigned: 4, responded: 3, replied: 2, repliedOnTime: 2, repliedLate: 0, evaluated: 2, satisfied: 2, basicallySatisfied: 0, notSatisfied: 0, resolved: 1, closed: 1, breached: 1 }, rates: { responseRate: 0.75, resolutionRate: 0.5, satisfactionRate: 1, onTimeRate: 1, repeatRate: null }, backlog: 2 }],
        }));
        // Like supervision: a 复查 outside its window is refused with the article and the field.
        respond(SupervisionRequestReview, (r: RequestReview) =>
          r.requestedAt && Date.parse(r.requestedAt) < Date.parse('2026-01-01')
            ? { err: { code: 'CONFLICT', message: 'window_closed: 复查请求期限已于2025-12-31T16:00:00.000Z届满（《信访工作条例》第三十五条）', fields: [{ field: 'requestedAt', problems: ['closed'] }] } }
            : { response: { trackingCode: r.trackingCode, status: 'review_requested', round: 1, final: false, lastAnswer: { kind: 'reply', orgCode: 'dept_human_resources', at: '2025-12-01T02:00:00.000Z' }, returnVisit: null, evaluations: [], reviews: [], reviewWindow: null, closure: null } as unknown as AftercareView },
        );
      },
    });
    gateway = fakes.gateway;
    tokens = await fakes.signInAll(['supervisor', 'clerk', 'unit', 'court']);
  });

  afterAll(() => fakes?.close());

  const INDICATORS = `query ($f: IndicatorFilter!) { indicators(filter: $f) { key backlog overdueCount rates { responseRate repeatRate } } }`;

  it('answers indicators to oversight and to a unit for its own organisation only', async () => {
    const county = await as<{ indicators: unknown[] }>('supervisor', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31' } });
    expect(county.data?.indicators).toEqual([{ key: null, backlog: 2, overdueCount: 1, rates: { responseRate: 0.75, repeatRate: null } }]);
    expect(received.at(-1)?.data).toEqual({ from: '2026-03-01', to: '2026-03-31', regionCode: '330621' });
    const unit = await as<{ indicators: { key: string }[] }>('unit', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31' } });
    expect(unit.data?.indicators[0].key).toBe('dept_human_resources');
    expect((await as('court', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('records a review request as the signed-in clerk and returns a refusal with its reason and field', async () => {
    const REQUEST = `mutation ($i: RequestReviewInput!) { requestReview(input: $i) { status } }`;
    const ok = await as<{ requestReview: { status: string } }>('clerk', REQUEST, { i: { trackingCode: CODE, reason: '不服处理意见', requestedAt: '2026-01-05T02:00:00.000Z' } });
    expect(ok.data?.requestReview.status).toBe('REVIEW_REQUESTED');
    expect(received.at(-1)?.data).toMatchObject({ trackingCode: CODE, by: { kind: 'staff', orgCode: 'dept_petition' } });
    const late = await as('clerk', REQUEST, { i: { trackingCode: CODE, reason: '不服', requestedAt: '2025-12-20T02:00:00.000Z' } });
    expect(late.errors?.[0]).toMatchObject({ message: expect.stringContaining('第三十五条'), extensions: { code: 'CONFLICT', fields: [{ field: 'requestedAt', problems: ['closed'] }] } });
    expect((await as('unit', REQUEST, { i: { trackingCode: CODE, reason: 'x' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
