/**
 * Per-operation state (DataLoaders) kept on the GraphQL context object: one context per HTTP
 * request or WebSocket operation, so what is cached here lives exactly as long as the
 * operation and is never shared between callers. Resolvers pass `@Context()`.
 */
const scopes = new WeakMap<object, Map<symbol, unknown>>();

export function requestScoped<T>(context: object, key: symbol, create: () => T): T {
  let scope = scopes.get(context);
  if (!scope) scopes.set(context, (scope = new Map()));
  if (!scope.has(key)) scope.set(key, create());
  return scope.get(key) as T;
}
