import { buildSchema, parse, validate, specifiedRules, type GraphQLError } from 'graphql';
import { aliasLimitRule, costLimitError, depthLimitRule, operationCost } from './query-limits';

const schema = buildSchema(`
  type Item { name: String, self: Item, children(first: Int = 5): [Item!]! }
  type Page { nodes: [Item!]! }
  union Found = Item | Page
  type Query { item: Item, items(first: Int, last: Int): [Item!]!, page(limit: Int = 20): Page, find: Found }
`);

const errorsOf = (query: string, rule = depthLimitRule(3)): readonly GraphQLError[] => validate(schema, parse(query), [...specifiedRules, rule]);
const codes = (errors: readonly GraphQLError[]) => errors.map((e) => e.extensions.code);

describe('depth limit', () => {
  it('lets an operation as deep as the limit through and refuses one level more, with its code', () => {
    expect(errorsOf('{ item { self { name } } }')).toEqual([]);
    const errors = errorsOf('{ item { self { self { name } } } }');
    expect(codes(errors)).toEqual(['QUERY_TOO_DEEP']);
    expect(errors[0].extensions).toMatchObject({ limit: 3, actual: 4 });
  });

  it('counts through named and inline fragments', () => {
    expect(codes(errorsOf('{ item { ...F } } fragment F on Item { self { ... on Item { self { name } } } }'))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('does not count introspection, which GraphiQL needs whole', () => {
    expect(errorsOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toEqual([]);
  });

  it('survives a fragment cycle (graphql reports the cycle itself)', () => {
    const errors = errorsOf('{ item { ...A } } fragment A on Item { self { ...A } }');
    expect(errors.map((e) => e.message).join()).toMatch(/Cannot spread fragment "A" within itself/);
  });
});

describe('alias limit', () => {
  const rule = aliasLimitRule(2);
  it('counts aliases, each fragment spread anew', () => {
    expect(errorsOf('{ a: item { name } b: item { name } }', rule)).toEqual([]);
    expect(codes(errorsOf('{ a: item { name } b: item { name } c: item { name } }', rule))).toEqual(['TOO_MANY_ALIASES']);
    expect(codes(errorsOf('{ x: item { ...F } y: item { ...F } } fragment F on Item { n: name }', rule))).toEqual(['TOO_MANY_ALIASES']);
  });
});

describe('cost', () => {
  const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), undefined, variables);

  it('is one per field', () => {
    expect(cost('{ item { name self { name } } }')).toBe(4);
  });

  it("multiplies a paginated field's children by its page size, from literals, variables and schema defaults", () => {
    expect(cost('{ items(first: 10) { name } }')).toBe(1 + 10);
    expect(cost('query ($n: Int) { items(first: $n) { name } }', { n: 50 })).toBe(1 + 50);
    expect(cost('{ items(first: 10) { children { name } } }')).toBe(1 + 10 * (1 + 5));
    expect(cost('{ page { nodes { name } } }')).toBe(1 + 20 * 2);
  });

  it('assumes a large page when none is given, so leaving it out is no way around the limit', () => {
    expect(cost('{ items { name } }')).toBe(1 + 100);
  });

  it('counts fields selected through fragments on union members', () => {
    expect(cost('{ find { ... on Item { name self { name } } } }')).toBe(1 + 3);
  });

  it('picks the named operation', () => {
    expect(operationCost(schema, parse('query A { item { name } } query B { items(first: 3) { name } }'), 'B')).toBe(4);
  });

  it('refuses over the limit with QUERY_TOO_COSTLY and the figures', () => {
    const doc = parse('query ($n: Int) { items(first: $n) { children(first: 100) { name } } }');
    expect(costLimitError(schema, doc, undefined, { n: 5 }, 5000)).toBeUndefined();
    const error = costLimitError(schema, doc, undefined, { n: 100 }, 5000);
    expect(error?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', limit: 5000, actual: 1 + 100 * (1 + 100) });
  });
});
