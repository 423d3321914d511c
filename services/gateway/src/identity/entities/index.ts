import { ApiClient } from './api-client.entity';
import { AuditLog } from './audit-log.entity';
import { RateLimitHit } from './rate-limit-hit.entity';
import { RefreshToken } from './refresh-token.entity';
import { StaffUser } from './staff-user.entity';

export { ApiClient, AuditLog, RateLimitHit, RefreshToken, StaffUser };

/** Every table the gateway owns, for the data source and TypeOrmModule.forFeature. */
export const IDENTITY_ENTITIES = [StaffUser, RefreshToken, ApiClient, AuditLog, RateLimitHit];
