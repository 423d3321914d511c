import type { INestApplication } from '@nestjs/common';
import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { JsonLogger } from '@yikouban/observability';
import { GatewayGraphqlModule } from './graphql.module';

@ObjectType()
class Node {
  @Field() name: string;
  @Field(() => Node) self: Node;
}

@Resolver()
class ProbeResolver {
  @Query(() => [Node])
  nodes(@Args('first', { type: () => Int, defaultValue: 10 }) first: number): Node[] {
    const node = { name: 'n' } as Node;
    node.self = node;
    return Array.from({ length: Math.min(first, 3) }, () => node);
  }
}

async function gatewayGraphql(production: boolean): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [GatewayGraphqlModule.forRoot({ production, logger: new JsonLogger('gateway', 'error', () => undefined), limits: { maxDepth: 4, maxCost: 200, maxAliases: 2 } })],
    providers: [ProbeResolver],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

const post = (app: INestApplication, body: unknown) => request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send(body as object);

describe('GraphQL transport rules (HTTP)', () => {
  let dev: INestApplication;
  let prod: INestApplication;
  beforeAll(async () => {
    [dev, prod] = await Promise.all([gatewayGraphql(false), gatewayGraphql(true)]);
  });
  afterAll(() => Promise.all([dev?.close(), prod?.close()]));

  it('answers an operation within every limit', async () => {
    const res = await post(dev, { query: '{ nodes(first: 2) { name self { self { name } } } }' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { nodes: [{ name: 'n', self: { self: { name: 'n' } } }, { name: 'n', self: { self: { name: 'n' } } }] } });
  });

  it.each([
    ['too deep', { query: '{ nodes { self { self { self { name } } } } }' }, 'QUERY_TOO_DEEP'],
    ['too many aliases', { query: '{ a: nodes(first: 1) { name } b: nodes(first: 1) { name } c: nodes(first: 1) { name } }' }, 'TOO_MANY_ALIASES'],
    ['too costly by its variables', { query: 'query ($n: Int!) { nodes(first: $n) { name self { name } } }', variables: { n: 100 } }, 'QUERY_TOO_COSTLY'],
  ])('refuses an operation %s with a 400 and a stable code, running nothing', async (_, body, code) => {
    const res = await post(dev, body);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code }) })]);
    expect(res.body.errors[0].message).toMatch(/ \/ /);
  });

  it('keeps graphql\'s own validation codes (an unknown field is not an internal error)', async () => {
    const res = await post(dev, { query: '{ nodes { nope } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses a batched request (an array of operations) outright', async () => {
    const res = await post(dev, [{ query: '{ nodes(first: 1) { name } }' }, { query: '{ nodes(first: 1) { name } }' }]);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/batching disabled/i);
  });

  it('offers introspection and GraphiQL outside production', async () => {
    const res = await post(dev, { query: '{ __schema { queryType { name } } }' });
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const page = await request(dev.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/graphiql/i);
  });

  it('refuses introspection and serves no GraphiQL in production', async () => {
    const res = await post(prod, { query: '{ __schema { queryType { name } } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' }, message: expect.stringMatching(/introspection/i) });
    const typeProbe = await post(prod, { query: '{ __type(name: "Query") { name } }' });
    expect(typeProbe.status).toBe(400);
    const page = await request(prod.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/graphiql/i);
    // Ordinary operations still work.
    expect((await post(prod, { query: '{ nodes(first: 1) { name } }' })).body).toEqual({ data: { nodes: [{ name: 'n' }] } });
  });
});
