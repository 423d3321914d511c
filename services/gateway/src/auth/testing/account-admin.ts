import { gql } from './in-process-gateway';

/** The administrator's operations on accounts and clients that the revocation specs exercise. */
export const DISABLE_USER = `mutation ($id: ID!) { disableUser(id: $id) { id active } }`;
export const UPDATE_USER = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { role } }`;
export const RESET_PASSWORD = `mutation ($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id } }`;
export const LOGOUT = `mutation ($t: String!) { logout(refreshToken: $t) }`;
export const REFRESH = `mutation ($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken } }`;
export const CREATE_API_CLIENT = `mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { client { clientId } secret } }`;
export const REVOKE_API_CLIENT = `mutation ($clientId: String!) { revokeApiClient(clientId: $clientId) { active } }`;
export const CLIENT_TOKEN = `mutation ($id: String!, $secret: String!) { clientToken(clientId: $id, clientSecret: $secret) { accessToken } }`;

/** Registers an API client (grievance:write) as the administrator and returns an access token it was issued. */
export async function apiClientToken(url: string, adminToken: string, clientId: string): Promise<string> {
  const created = await gql<{ createApiClient: { secret: string } }>(url, CREATE_API_CLIENT, { input: { clientId, name: '网格化管理平台', scopes: ['grievance:write'] } }, adminToken);
  if (!created.data) throw new Error(`creating API client ${clientId} failed: ${JSON.stringify(created.errors)}`);
  const issued = await gql<{ clientToken: { accessToken: string } }>(url, CLIENT_TOKEN, { id: clientId, secret: created.data.createApiClient.secret });
  if (!issued.data) throw new Error(`token for ${clientId} refused: ${JSON.stringify(issued.errors)}`);
  return issued.data.clientToken.accessToken;
}
