import { RoutingSuggestCategories, type SuggestCategories } from '@yikouban/contracts';
import { gql, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';

const SUGGEST = `query ($text: String!, $top: Int) { suggestCategories(text: $text, top: $top) { categoryCode name score } }`;
type Suggestions = { suggestCategories: { categoryCode: string; name: string; score: number }[] };

const RANKED = [
  { categoryCode: 'wage_arrears', name: '拖欠农民工工资', score: 0.9412 },
  { categoryCode: 'construction_payment', name: '工程款纠纷', score: 0.0311 },
  { categoryCode: 'labour_contract', name: '劳动合同纠纷', score: 0.0102 },
  { categoryCode: 'social_insurance', name: '社会保险', score: 0.0051 },
  { categoryCode: 'debt_dispute', name: '民间借贷纠纷', score: 0.0033 },
];

// The real handler is tested in routing (classifier/category-suggest.int-spec.ts); here routing is a
// NATS responder with Nest's framing, so the test covers the gateway's schema, roles and validation.
describe('suggestCategories through the gateway (in process, real NATS and sign-in, fake routing)', () => {
  const received: SuggestCategories[] = [];
  let fakes: GatewayWithFakes;
  let gateway: InProcessGateway;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({
      name: 'gateway_category',
      responders: (respond) =>
        respond(RoutingSuggestCategories, (data) => {
          received.push(data);
          return { response: RANKED.slice(0, data.top) };
        }),
    });
    gateway = fakes.gateway;
    tokens = await fakes.signInAll(['clerk', 'operator', 'unit']);
  });

  afterAll(() => fakes?.close());

  beforeEach(() => {
    received.length = 0;
  });

  it('gives a reception clerk routing’s suggestions, three unless asked otherwise', async () => {
    const text = '包工头拖欠我们十二个农民工八个月的工资，一共八万六千元。';
    const res = await gql<Suggestions>(gateway.url, SUGGEST, { text }, tokens.clerk);
    expect(res.errors).toBeUndefined();
    expect(res.data?.suggestCategories).toEqual(RANKED.slice(0, 3));
    expect(received).toEqual([{ text, top: 3 }]);
  });

  it('gives a command operator as many as asked', async () => {
    const res = await gql<Suggestions>(gateway.url, SUGGEST, { text: '工钱拖了半年', top: 5 }, tokens.operator);
    expect(res.data?.suggestCategories).toHaveLength(5);
    expect(received).toEqual([{ text: '工钱拖了半年', top: 5 }]);
  });

  it('refuses blank text and too many suggestions as bad input, naming the field, without asking routing', async () => {
    const blank = await gql(gateway.url, SUGGEST, { text: '  ' }, tokens.clerk);
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'text' })] });
    const six = await gql(gateway.url, SUGGEST, { text: '拖欠工资', top: 6 }, tokens.clerk);
    expect(six.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'top' })] });
    expect(received).toEqual([]);
  });

  it('is for intake: a handling unit is refused, and nobody unsigned gets in', async () => {
    expect((await gql(gateway.url, SUGGEST, { text: '拖欠工资' }, tokens.unit)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(gateway.url, SUGGEST, { text: '拖欠工资' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(received).toEqual([]);
  });
});
