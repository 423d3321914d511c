import { SetMetadata } from '@nestjs/common';

export const SCOPES_KEY = 'ykb:scopes';

/**
 * Scopes an API client must hold for this method (e.g. 'grievance:read'), on top of @Allow('api_client').
 * Staff users are not affected: their role decides.
 */
export const RequireScopes = (...scopes: string[]) => SetMetadata(SCOPES_KEY, scopes);
