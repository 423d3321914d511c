// One small GraphQL client over fetch: the bearer token of the session, one refresh on an
// expired token, and errors carrying the server's stable code (extensions.code).
import { loadSession, saveSession, type Session } from './session';

export interface GraphqlErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [k: string]: unknown };
}

export class GraphqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly errors: GraphqlErrorBody[],
  ) {
    super(message);
  }
}

const ENDPOINT = '/graphql';

async function post<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<{ data?: T | null; errors?: GraphqlErrorBody[] }> {
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new GraphqlError('network', 'NETWORK', []);
  }
  try {
    return (await res.json()) as { data?: T | null; errors?: GraphqlErrorBody[] };
  } catch {
    throw new GraphqlError(`HTTP ${res.status}`, res.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE', []);
  }
}

const REFRESH = `mutation ($refreshToken: String!) {
  refresh(refreshToken: $refreshToken) { accessToken refreshToken user { id username displayName role orgCode regionCode } }
}`;

let refreshing: Promise<Session | null> | null = null;

/** Swaps the (single-use) refresh token for a new pair once, however many requests failed at the same time. */
function refreshSession(session: Session): Promise<Session | null> {
  refreshing ??= post<{ refresh: Session }>(REFRESH, { refreshToken: session.refreshToken })
    .then(({ data }) => {
      const next = data?.refresh ?? null;
      saveSession(next);
      return next;
    })
    .catch(() => {
      saveSession(null);
      return null;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const isUnauthenticated = (errors?: GraphqlErrorBody[]) => errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;

/** Runs one operation as the signed-in user (or anonymously) and returns its data, or throws GraphqlError. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, options: { anonymous?: boolean } = {}): Promise<T> {
  const session = options.anonymous ? null : loadSession();
  let answer = await post<T>(query, variables, session?.accessToken);
  if (session && isUnauthenticated(answer.errors)) {
    const renewed = await refreshSession(session);
    if (renewed) answer = await post<T>(query, variables, renewed.accessToken);
  }
  if (answer.errors?.length) {
    const first = answer.errors[0];
    throw new GraphqlError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', answer.errors);
  }
  if (!answer.data) throw new GraphqlError('empty answer', 'BAD_RESPONSE', []);
  return answer.data;
}
