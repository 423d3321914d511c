import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '@yikouban/service-kit';
import type { Principal } from '../auth/roles';
import { API_CLIENT_SCOPES } from './api-client-scopes';
import { AuditLogService } from './audit-log.service';
import { ApiClient } from './entities/api-client.entity';
import { hashSecret } from './secret-hasher';

/** The table's CHECK on client ids. */
export const CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,63}$/;

export interface NewApiClient {
  /** Omitted: one is made up (client-<8 hex>). */
  clientId?: string;
  name: string;
  scopes: string[];
}

type Actor = Pick<Principal, 'id' | 'role'>;

/**
 * External systems' credentials as an administrator manages them. The secret is random (256
 * bits), shown once when the client is created and kept only as its argon2 hash; revoking a
 * client refuses its next token request, and its access tokens from the next request on.
 */
@Injectable()
export class ApiClientAdministration {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  list(): Promise<ApiClient[]> {
    return this.db.getRepository(ApiClient).find({ order: { clientId: 'ASC' } });
  }

  async create(actor: Actor, c: NewApiClient): Promise<{ client: ApiClient; secret: string }> {
    const clientId = c.clientId?.trim().toLowerCase() ?? `client-${randomBytes(4).toString('hex')}`;
    if (!CLIENT_ID_PATTERN.test(clientId)) throw bad('clientId', 'bad_format', '客户端 ID 须为 3–64 个小写字母、数字或 _ . - / 3–64 of a-z 0-9 _ . -');
    const scopes = [...new Set(c.scopes)];
    const unknown = scopes.filter((s) => !(API_CLIENT_SCOPES as readonly string[]).includes(s));
    if (unknown.length) throw bad('scopes', 'unknown_scope', `未知的权限范围 ${unknown.join(', ')} / unknown scopes (known: ${API_CLIENT_SCOPES.join(', ')})`);
    if (!scopes.length) throw bad('scopes', 'empty', '至少授予一个权限范围 / grant at least one scope');
    const secret = randomBytes(32).toString('base64url');
    const client: ApiClient = { id: randomUUID(), clientId, secretHash: await hashSecret(secret), name: c.name.trim(), scopes, active: true, createdAt: new Date() };
    return this.db.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `INSERT INTO api_client (id, client_id, secret_hash, name, scopes, active, created_at) VALUES ($1,$2,$3,$4,$5,true,$6)
         ON CONFLICT (client_id) DO NOTHING RETURNING id`,
        [client.id, client.clientId, client.secretHash, client.name, client.scopes, client.createdAt],
      );
      if (!rows.length) throw new DomainError('CONFLICT', `客户端 ID ${clientId} 已被使用 / the client id ${clientId} is taken`, [{ field: 'clientId', problems: ['taken'] }]);
      await this.audit.record({ actor, action: 'admin.api_client_created', subject: clientId, reason: `scopes ${scopes.join(' ')}` }, tx);
      return { client, secret };
    });
  }

  async revoke(actor: Actor, clientId: string): Promise<ApiClient> {
    return this.db.transaction(async (tx) => {
      const client = await tx.getRepository(ApiClient).findOne({ where: { clientId }, lock: { mode: 'pessimistic_write' } });
      if (!client) throw new DomainError('NOT_FOUND', `没有客户端 ${clientId} / no such API client`, [{ field: 'clientId', problems: ['not_found'] }]);
      client.active = false;
      await tx.query('UPDATE api_client SET active = false WHERE id = $1', [client.id]);
      await this.audit.record({ actor, action: 'admin.api_client_revoked', subject: clientId }, tx);
      return client;
    });
  }
}

function bad(field: string, problem: string, message: string): DomainError {
  return new DomainError('BAD_REQUEST', message, [{ field, problems: [problem] }]);
}
