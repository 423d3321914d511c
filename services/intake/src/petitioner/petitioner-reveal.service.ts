import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { RevealedPetitioner, RevealPetitioner } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { Grievance } from '../grievance/grievance.entity';
import { PetitionerVault } from './petitioner-vault';
import { Petitioner } from './petitioner.entity';
import { reporterProtectedFrom } from './reporter-protection';

export const REPORTER_PROTECTED_MESSAGE = '检举控告人的身份不得向承办单位透露（信访工作条例第三十条） / the identity of who reported an official is never shown to the handling unit (Art 30)';

/**
 * The one unmasked read of a petitioner's identity. The audit record (who, role, organisation,
 * when, which grievance, why) is written in the same transaction as the read: no read without
 * its record. A refused attempt is recorded too, and the refusal answered after it commits.
 */
@Injectable()
export class PetitionerReveal {
  constructor(
    private readonly db: DataSource,
    private readonly vault: PetitionerVault,
  ) {}

  async reveal(cmd: RevealPetitioner, now = new Date()): Promise<RevealedPetitioner> {
    const auditId = randomUUID();
    const result = await this.db.transaction(async (tx) => {
      const g = await tx.findOneBy(Grievance, { id: cmd.grievanceId });
      if (!g) throw new DomainError('NOT_FOUND', `no grievance ${cmd.grievanceId}`);
      const refused = g.accusation && reporterProtectedFrom(cmd.caller.role);
      await tx.query(
        `INSERT INTO petitioner_access_audit (id, grievance_id, actor_user_id, actor_role, actor_org_code, reason, outcome, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [auditId, g.id, cmd.caller.userId, cmd.caller.role, cmd.caller.orgCode, cmd.reason.trim(), refused ? 'refused' : 'revealed', now],
      );
      if (refused) return null;
      const person = g.petitionerId ? await tx.findOneBy(Petitioner, { id: g.petitionerId }) : null;
      const repIds: { petitioner_id: string }[] = await tx.query('SELECT petitioner_id FROM grievance_representative WHERE grievance_id = $1 ORDER BY position', [g.id]);
      const reps = repIds.length ? await tx.findBy(Petitioner, { id: In(repIds.map((r) => r.petitioner_id)) }) : [];
      const byId = new Map(reps.map((p) => [p.id, p]));
      // Decrypting inside the transaction: if a key is missing the read fails and so does its record.
      return {
        grievanceId: g.id,
        auditId,
        anonymous: person === null,
        petitioner: person ? this.vault.unmasked(person) : null,
        representatives: repIds.flatMap((r) => {
          const p = byId.get(r.petitioner_id);
          return p ? [this.vault.unmasked(p)] : [];
        }),
        revealedAt: now.toISOString(),
      } satisfies RevealedPetitioner;
    });
    if (!result) throw new DomainError('FORBIDDEN', REPORTER_PROTECTED_MESSAGE);
    return result;
  }
}
