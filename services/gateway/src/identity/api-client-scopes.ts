/**
 * What an external system may be granted: `grievance:write` to submit grievances (12345
 * platforms, grid platforms), `grievance:read` to follow them. Resolvers ask for these with
 * @RequireScopes; an administrator grants only scopes from this list.
 */
export const API_CLIENT_SCOPES = ['grievance:read', 'grievance:write'] as const;
export type ApiClientScope = (typeof API_CLIENT_SCOPES)[number];
