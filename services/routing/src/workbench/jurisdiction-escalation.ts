import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { JurisdictionDisputed } from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import type { Assignment } from '../assignment/assignment.entity';
import type { OrganisationSeed } from '../directory/directory.types';
import { AssignmentStore } from './assignment-store';
import { transition } from './domain/assignment-machine';
import { disagreeingReturns, escalationTarget } from './domain/escalation';
import { WorkbenchDirectory } from './workbench-directory';

/**
 * 第二十四条: when two or more units have each returned the same grievance (see
 * disagreeingReturns) they disagree about who must handle it, and the command centre may no longer
 * just pick another: the returns are joined into a dispute for their common superior or the joint
 * conference. Runs inside the return's transaction, under the grievance lock.
 */
@Injectable()
export class JurisdictionEscalation {
  constructor(
    private readonly store: AssignmentStore,
    private readonly directory: WorkbenchDirectory,
  ) {}

  /** Returns the dispute the just-returned assignment went into, or null when it waits for the command centre. */
  async afterReturn(tx: EntityManager, returned: Assignment, now: Date): Promise<{ disputeId: string } | null> {
    const open: { id: string }[] = await tx.query(`SELECT id FROM jurisdiction_dispute WHERE grievance_id = $1 AND status = 'open' FOR UPDATE`, [returned.grievanceId]);
    if (open[0]) {
      await this.escalate(tx, returned, open[0].id, now);
      return { disputeId: open[0].id };
    }
    const involved = disagreeingReturns(await this.store.allOf(tx, returned.grievanceId), returned.id);
    const orgCodes = [...new Set(involved.map((x) => x.orgCode))];
    if (orgCodes.length < 2) return null;
    const dir = await this.directory.snapshot();
    const disputants = orgCodes.map((c) => dir.organisations.get(c)).filter((o): o is OrganisationSeed => o !== undefined);
    const target = escalationTarget(disputants, dir.tree, dir.organisations.values());
    if (!target) return null;
    const disputeId = randomUUID();
    await tx.query(
      `INSERT INTO jurisdiction_dispute (id, grievance_id, tracking_code, status, basis, escalated_to_org_code, escalated_to_org_name, opened_at)
       VALUES ($1,$2,$3,'open',$4,$5,$6,$7)`,
      [disputeId, returned.grievanceId, returned.trackingCode, target.basis, target.orgCode, target.orgName, now],
    );
    for (const x of involved) {
      if (x.status === 'awaiting_reassignment') await this.escalate(tx, x, disputeId, now);
      // Returns already reassigned stay closed but count as part of the dispute's record.
      else await this.store.save(tx, x, x.status, now, { disputeId });
    }
    await appendToOutbox(
      tx,
      JurisdictionDisputed,
      {
        disputeId,
        grievanceId: returned.grievanceId,
        trackingCode: returned.trackingCode,
        disputantOrgCodes: orgCodes,
        escalatedToOrgCode: target.orgCode,
        escalatedToOrgName: target.orgName,
        basis: target.basis,
        at: now.toISOString(),
      },
      { occurredAt: now },
    );
    return { disputeId };
  }

  private async escalate(tx: EntityManager, a: Assignment, disputeId: string, now: Date): Promise<void> {
    const t = transition(await this.store.stateOf(tx, a), { type: 'escalate' }, now);
    await this.store.save(tx, a, t.to, now, { disputeId });
    await this.store.record(tx, a.id, now, { kind: 'escalated', by: null, detail: { disputeId } });
  }
}
