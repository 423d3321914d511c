import {
  GraphQLError,
  getNamedType,
  isAbstractType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

/** How big one operation may be; GATEWAY_MAX_DEPTH, GATEWAY_MAX_COST and GATEWAY_MAX_ALIASES. */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 10, maxCost: 5000, maxAliases: 15 };

/** The codes a client sees in extensions.code when an operation is refused for its size. */
export const QUERY_LIMIT_CODES = ['QUERY_TOO_DEEP', 'QUERY_TOO_COSTLY', 'TOO_MANY_ALIASES'] as const;
export type QueryLimitCode = (typeof QUERY_LIMIT_CODES)[number];

/** Arguments that say how many items a list field returns: its children cost that many times. */
const PAGE_SIZE_ARGS = ['first', 'last', 'limit'];
/** A paginated field whose page size is not given (nor defaulted by the schema) is assumed this large. */
const ASSUMED_PAGE_SIZE = 100;

/** Introspection (__schema, __type) is refused in production and needed whole by GraphiQL: never counted. */
const isIntrospection = (field: FieldNode) => field.name.value.startsWith('__');

export function queryLimitError(code: QueryLimitCode, message: string, limit: number, actual: number, nodes?: readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { code, limit, actual } });
}

type Fragments = Record<string, FragmentDefinitionNode | undefined>;

/**
 * Walks the fields a selection picks, following fragments. `path` holds the fragments being
 * expanded above this point, so a fragment cycle (which graphql's own rule reports in the same
 * pass) cannot recurse forever; visitors pass it on when they descend.
 */
function walkFields(set: SelectionSetNode, fragments: Fragments, visit: (field: FieldNode, path: ReadonlySet<string>) => void, path: ReadonlySet<string>): void {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) visit(sel, path);
    else if (sel.kind === Kind.INLINE_FRAGMENT) walkFields(sel.selectionSet, fragments, visit, path);
    else {
      const fragment = fragments[sel.name.value];
      if (!fragment || path.has(fragment.name.value)) continue;
      walkFields(fragment.selectionSet, fragments, visit, new Set([...path, fragment.name.value]));
    }
  }
}

function fragmentsOf(context: ValidationContext): Fragments {
  const out: Fragments = {};
  for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) out[def.name.value] = def;
  return out;
}

/** Nesting depth of a selection: `{ a { b } }` is 2. */
export function selectionDepth(set: SelectionSetNode, fragments: Fragments, path: ReadonlySet<string> = new Set()): number {
  let deepest = 0;
  walkFields(
    set,
    fragments,
    (field, at) => {
      if (isIntrospection(field)) return;
      deepest = Math.max(deepest, 1 + (field.selectionSet ? selectionDepth(field.selectionSet, fragments, at) : 0));
    },
    path,
  );
  return deepest;
}

/** Aliased fields of a selection, each fragment counted every time it is spread (so fragments cannot multiply aliases unseen). */
export function aliasCount(set: SelectionSetNode, fragments: Fragments, path: ReadonlySet<string> = new Set()): number {
  let count = 0;
  walkFields(
    set,
    fragments,
    (field, at) => {
      if (field.alias) count += 1;
      if (field.selectionSet) count += aliasCount(field.selectionSet, fragments, at);
    },
    path,
  );
  return count;
}

/** Refuses an operation nested deeper than `max` fields (QUERY_TOO_DEEP). */
export function depthLimitRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(op: OperationDefinitionNode) {
      const depth = selectionDepth(op.selectionSet, fragmentsOf(context));
      if (depth > max) {
        context.reportError(queryLimitError('QUERY_TOO_DEEP', `查询嵌套过深 / the operation is nested ${depth} levels deep, at most ${max} are allowed`, max, depth, [op]));
      }
    },
  });
}

/** Refuses an operation with more than `max` aliases (TOO_MANY_ALIASES): aliases batch many calls into one request. */
export function aliasLimitRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(op: OperationDefinitionNode) {
      const count = aliasCount(op.selectionSet, fragmentsOf(context));
      if (count > max) {
        context.reportError(queryLimitError('TOO_MANY_ALIASES', `别名过多 / the operation uses ${count} aliases, at most ${max} are allowed`, max, count, [op]));
      }
    },
  });
}

function pageSizeOf(def: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  if (!def.args.some((a) => PAGE_SIZE_ARGS.includes(a.name))) return undefined;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues(def, node, variables);
  } catch {
    // Bad arguments are refused by execution with their own error; count the worst case meanwhile.
    return ASSUMED_PAGE_SIZE;
  }
  const sizes = PAGE_SIZE_ARGS.map((n) => values[n]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return sizes.length ? Math.max(0, ...sizes) : ASSUMED_PAGE_SIZE;
}

function selectionCost(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, set: SelectionSetNode, fragments: Fragments, variables: Record<string, unknown>, path: ReadonlySet<string>): number {
  let cost = 0;
  walkFields(
    set,
    fragments,
    (field, at) => {
      if (isIntrospection(field)) return;
      // Inside a fragment on another type the parent differs; look the field up on any type that has it.
      const def = fieldDefinition(schema, parent, field.name.value);
      const children = field.selectionSet ? selectionCost(schema, def ? getNamedType(def.type) : undefined, field.selectionSet, fragments, variables, at) : 0;
      cost += 1 + (def ? (pageSizeOf(def, field, variables) ?? 1) : 1) * children;
    },
    path,
  );
  return cost;
}

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent && (isObjectType(parent) || isInterfaceType(parent))) {
    const own = parent.getFields()[name];
    if (own) return own;
  }
  // A field selected through a fragment on a member of a union or interface.
  if (parent && isAbstractType(parent)) {
    for (const member of schema.getPossibleTypes(parent)) {
      const def = member.getFields()[name];
      if (def) return def;
    }
  }
  return undefined;
}

/**
 * What an operation costs: one per field, a paginated field's children counted once per item
 * it may return (its `first`/`last`/`limit`, from literals or variables). Needs the variables,
 * so it runs once the operation is resolved rather than as a static validation rule.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> = {}): number {
  const fragments: Fragments = {};
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    else if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const op = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!op) return 0;
  const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return selectionCost(schema, root ?? undefined, op.selectionSet, fragments, variables, new Set());
}

/** QUERY_TOO_COSTLY when the operation costs more than `max`; undefined when it fits. */
export function costLimitError(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, max: number): GraphQLError | undefined {
  const cost = operationCost(schema, document, operationName, variables ?? {});
  if (cost <= max) return undefined;
  return queryLimitError('QUERY_TOO_COSTLY', `查询代价过高 / the operation costs ${cost}, at most ${max} is allowed; ask for smaller pages`, max, cost);
}

/** The static rules (depth, aliases) for graphql's validate(), over HTTP and over WebSocket alike. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)];
}
