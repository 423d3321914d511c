import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { currentCorrelationId } from '@yikouban/observability';
import type { Principal } from '../auth/roles';
import { AuditLog } from './entities/audit-log.entity';

export interface AuditEntry {
  /** Who acted; null when nobody is signed in (a failed sign-in). */
  actor: Pick<Principal, 'id' | 'role'> | null;
  /** What happened, dotted: auth.login, auth.refresh_reused, pii.read … */
  action: string;
  /** What it was about: a user id, a grievance id. */
  subject?: string;
  /** Why (required for PII reads: the task the person is doing). */
  reason?: string;
}

/** The audit trail: every read of personal information, every sign-in event, every administrator's change. Append only. */
@Injectable()
export class AuditLogService {
  constructor(@InjectRepository(AuditLog) private readonly log: Repository<AuditLog>) {}

  /** With `tx`, the entry is written in the caller's transaction: it stands or falls with the change it records. */
  async record(entry: AuditEntry, tx?: EntityManager): Promise<void> {
    await (tx ? tx.getRepository(AuditLog) : this.log).insert({
      at: new Date(),
      actorId: entry.actor?.id ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      subject: entry.subject ?? null,
      reason: entry.reason ?? null,
      correlationId: currentCorrelationId() ?? null,
    });
  }
}
