/** POSTs a GraphQL operation and returns { data, errors } as the server sent them. */
export async function graphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export const GRIEVANCE_QUERY = `query ($code: String!) {
  grievance(trackingCode: $code) {
    trackingCode status channel regionCode categoryCode headcount
    leadUnit { unitCode unitName role status }
    assignments { unitCode unitName role }
    deadline { step policyCode state startedAt dueAt }
  }
}`;
