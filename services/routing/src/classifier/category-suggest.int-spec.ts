import { RoutingSuggestCategories } from '@yikouban/contracts';
import { RpcCallError, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { startServiceUnderTest, type ServiceUnderTest } from '@yikouban/testing';
import { routingDataSourceOptions } from '../database/data-source';
import { seedDemoCounty } from '../seed/demo-seed';
import { routingService } from '../service';

describe('routing.category.suggest over NATS (routing in process, real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let rpc: RpcClient;

  beforeAll(async () => {
    sut = await startServiceUnderTest(routingService, {}, { pg: false, rpcName: 'routing-suggest-test', seed: (url) => seedDemoCounty(routingDataSourceOptions(url), new JsonLogger('routing-test', 'warn')) });
    ({ rpc } = sut);
  });

  afterAll(() => sut?.close());

  const refusal = async (payload: object): Promise<RpcCallError> => {
    const err = await rpc.request(RoutingSuggestCategories, payload as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof RpcCallError)) throw new Error(`expected a refusal, got ${String(err)}`);
    return err;
  };

  it('proposes wage arrears first for a wage-arrears text, with the list name, three by default', async () => {
    const text = '我们是石桥镇上垟村的农民工，跟着包工头在县城工地干了八个月，工钱拖欠了四万多一直不给。';
    const suggestions = await rpc.request(RoutingSuggestCategories, { text });
    expect(suggestions).toHaveLength(3);
    expect(suggestions[0]).toMatchObject({ categoryCode: 'wage_arrears', name: '拖欠农民工工资' });
    expect(suggestions[0].score).toBeGreaterThan(suggestions[1].score);
    for (const s of suggestions) expect(s.score).toBeGreaterThanOrEqual(0);
    expect(suggestions.reduce((sum, s) => sum + s.score, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('answers as many as asked, up to five', async () => {
    const five = await rpc.request(RoutingSuggestCategories, { text: '小区物业费年年涨，电梯经常坏', top: 5 });
    expect(five).toHaveLength(5);
    expect(five[0].categoryCode).toBe('property_management');
    expect(new Set(five.map((s) => s.categoryCode)).size).toBe(5);
  });

  it('answers an empty list for text it cannot read', async () => {
    expect(await rpc.request(RoutingSuggestCategories, { text: '12345 ??? ok' })).toEqual([]);
  });

  it('refuses blank text, too many suggestions and unknown fields, naming the field', async () => {
    const blank = await refusal({ text: '   ' });
    expect(blank.code).toBe('BAD_REQUEST');
    expect(blank.fields?.map((f) => f.field)).toEqual(['text']);
    const tooMany = await refusal({ text: '拖欠工资', top: 6 });
    expect(tooMany.fields?.map((f) => f.field)).toEqual(['top']);
    expect((await refusal({ text: 'x'.repeat(5001) })).fields?.map((f) => f.field)).toEqual(['text']);
    expect((await refusal({ text: '拖欠工资', category: 'wage_arrears' })).code).toBe('BAD_REQUEST');
  });
});
