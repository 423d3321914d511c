import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RevealedReceptionRecord, RevealReceptionRecord } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { LedgerIdentity, type SealedLedgerPerson } from './ledger-identity';

/**
 * The one unmasked read of a reception ledger entry. The audit record (who, role, organisation,
 * when, which entry, why) is written in the same transaction as the read: no read without its
 * record. Which roles may ask is the gateway's role matrix; this side keeps the record.
 */
@Injectable()
export class LedgerReveal {
  constructor(
    private readonly db: DataSource,
    private readonly identity: LedgerIdentity,
  ) {}

  async reveal(cmd: RevealReceptionRecord, now = new Date()): Promise<RevealedReceptionRecord> {
    const reason = cmd.reason.trim();
    if (Array.from(reason).length < 4) {
      throw new DomainError('BAD_REQUEST', 'invalid_reason: 须说明查看理由（至少4个字）/ reason must say why, in 4 to 500 characters', [{ field: 'reason', problems: ['too short'] }]);
    }
    const auditId = randomUUID();
    return this.db.transaction(async (tx) => {
      const [row] = (await tx.query('SELECT id, appointment_id, grievance_id, who_received_cipher, phone_cipher, id_number_cipher FROM reception_record WHERE id = $1', [cmd.receptionRecordId])) as ({
        id: string;
        appointment_id: string;
        grievance_id: string;
      } & SealedLedgerPerson)[];
      if (!row) throw new DomainError('NOT_FOUND', 'no_such_record: 没有该接访台账记录 / no such reception ledger entry', [{ field: 'receptionRecordId', problems: ['not found'] }]);
      await tx.query(
        `INSERT INTO reception_record_access_audit (id, reception_record_id, grievance_id, actor_user_id, actor_role, actor_org_code, reason, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [auditId, row.id, row.grievance_id, cmd.caller.userId, cmd.caller.role, cmd.caller.orgCode, reason, now],
      );
      // Decrypting inside the transaction: if a key is missing the read fails and so does its record.
      const person = this.identity.open(row.id, row);
      return { receptionRecordId: row.id, appointmentId: row.appointment_id, grievanceId: row.grievance_id, auditId, ...person, revealedAt: now.toISOString() };
    });
  }
}
