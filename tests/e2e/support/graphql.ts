import { DEMO_USERS } from '../../../services/gateway/src/identity/demo-identities';
import type { Role } from '../../../services/gateway/src/auth/roles';

/** POSTs a GraphQL operation (as the holder of `accessToken`, when given) and returns { data, errors } as the server sent them. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  accessToken?: string,
): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) };
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Signs in as the demo user of a role (seeded by `gateway seed`) and returns the access token. */
export async function signInAs(url: string, role: Role): Promise<string> {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user has the role ${role}`);
  const { data, errors } = await graphql<{ login: { accessToken: string } }>(
    url,
    'mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    { u: user.username, p: user.password },
  );
  if (!data?.login) throw new Error(`sign-in as ${user.username} failed: ${JSON.stringify(errors)}`);
  return data.login.accessToken;
}

export const GRIEVANCE_QUERY = `query ($code: String!) {
  grievance(trackingCode: $code) {
    trackingCode status channel regionCode categoryCode headcount
    leadUnit { unitCode unitName role status }
    assignments { unitCode unitName role }
    deadline { step policyCode state startedAt dueAt }
    deadlines { step policyCode state startedAt dueAt }
  }
}`;
