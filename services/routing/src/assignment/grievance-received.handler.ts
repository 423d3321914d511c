import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated, GrievanceReceived, type EventEnvelope, type GrievanceReceivedV1 } from '@yikouban/contracts';
import { appendToOutbox, PermanentEventError, type EventHandler } from '@yikouban/messaging';
import { DirectoryCache } from '../directory/directory-cache';
import { planAssignments } from './assignment-planner';
import { Assignment } from './assignment.entity';

/** 交转办: every received grievance gets a lead unit (and co-units) and the fact is published. */
@Injectable()
export class GrievanceReceivedHandler implements EventHandler<GrievanceReceivedV1> {
  readonly contract = GrievanceReceived;

  constructor(private readonly directory: DirectoryCache) {}

  async handle(event: EventEnvelope<GrievanceReceivedV1>, tx: EntityManager): Promise<void> {
    const g = event.data;
    const planned = planAssignments(g, await this.directory.current());
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
