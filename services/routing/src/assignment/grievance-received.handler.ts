import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated, GrievanceReceived, type EventEnvelope, type GrievanceReceivedV1 } from '@yikouban/contracts';
import { appendToOutbox, PermanentEventError, type EventHandler } from '@yikouban/messaging';
import { DirectoryCache } from '../directory/directory-cache';
import { COLOUR_POLICY, type ColourPolicy } from '../triage/colour-policy';
import { triage } from '../triage/triage';
import { recordTriage } from '../triage/triage-recorder';
import { planAssignments } from './assignment-planner';
import { Assignment } from './assignment.entity';

/**
 * 甄别分流 then 交转办: every received grievance is triaged (when its category is known) and gets
 * a lead unit and co-units; both decisions are stored and published in the consumer's transaction.
 * A repeat without new facts gets a progress report, not a new case (接诉即办条例 第十一条).
 */
@Injectable()
export class GrievanceReceivedHandler implements EventHandler<GrievanceReceivedV1> {
  readonly contract = GrievanceReceived;

  constructor(
    private readonly directory: DirectoryCache,
    @Inject(COLOUR_POLICY) private readonly colours: ColourPolicy,
  ) {}

  async handle(event: EventEnvelope<GrievanceReceivedV1>, tx: EntityManager): Promise<void> {
    const g = event.data;
    const dir = await this.directory.current();
    const category = g.categoryCode ? dir.categories.get(g.categoryCode) : undefined;
    if (category) {
      const decision = triage(category, { emergencyTerms: g.emergencyTerms ?? [], headcount: g.headcount, collective: g.collective, firstTime: g.firstTime ?? true, repeatOf: g.repeatOf }, this.colours);
      await recordTriage(tx, g.grievanceId, category.code, decision, { decidedBy: 'auto' });
      if (decision.diversion === 'progress_report') return;
    }
    const planned = planAssignments(g, dir);
    if (planned.length === 0) throw new PermanentEventError(`no unit and no petition bureau can take region ${g.regionCode}`);
    const now = new Date();
    for (const p of planned) {
      const row: Assignment = {
        id: randomUUID(),
        grievanceId: g.grievanceId,
        trackingCode: g.trackingCode,
        role: p.role,
        orgCode: p.organisation.code,
        orgName: p.organisation.name,
        regionCode: g.regionCode,
        status: 'created',
        ruleId: p.ruleId,
        ruleVersion: p.ruleVersion,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(Assignment, row);
      await appendToOutbox(tx, AssignmentCreated, {
        assignmentId: row.id,
        grievanceId: row.grievanceId,
        trackingCode: row.trackingCode,
        role: row.role,
        orgCode: row.orgCode,
        orgName: row.orgName,
        regionCode: row.regionCode,
        ruleId: row.ruleId,
        ruleVersion: row.ruleVersion,
        createdAt: now.toISOString(),
      });
    }
  }
}
