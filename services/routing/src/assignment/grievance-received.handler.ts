import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceReceived, type EventEnvelope, type GrievanceReceivedV1 } from '@yikouban/contracts';
import { PermanentEventError, type EventHandler } from '@yikouban/messaging';
import type { WorkingCalendar } from '@yikouban/calendar';
import { DirectoryCache } from '../directory/directory-cache';
import { COLOUR_POLICY, type ColourPolicy } from '../triage/colour-policy';
import { triage } from '../triage/triage';
import { recordTriage } from '../triage/triage-recorder';
import { RETURN_CALENDAR, returnDeadline } from '../workbench/domain/return-window';
import { planAssignments } from './assignment-planner';
import { createAssignment } from './assignment-writer';

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
    @Inject(RETURN_CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  async handle(event: EventEnvelope<GrievanceReceivedV1>, tx: EntityManager): Promise<void> {
    const g = event.data;
    const dir = await this.directory.current();
    const category = g.categoryCode ? dir.categories.get(g.categoryCode) : undefined;
    if (category) {
      const decision = triage(category, { emergencyTerms: g.emergencyTerms ?? [], headcount: g.headcount, collective: g.collective, firstTime: g.firstTime ?? true, repeatOf: g.repeatOf }, this.colours);
      await recordTriage(tx, g.grievanceId, category.code, decision, { decidedBy: 'auto', listVersion: dir.listVersion });
      if (decision.diversion === 'progress_report') return;
    }
    const planned = planAssignments(g, dir);
    if (planned.length === 0) throw new PermanentEventError(`no unit and no petition bureau can take region ${g.regionCode}`);
    const now = new Date();
    const returnDeadlineAt = returnDeadline(now, this.calendar);
    for (const p of planned) {
      const { role, organisation: org, ruleId, ruleVersion } = p;
      await createAssignment(tx, { grievanceId: g.grievanceId, trackingCode: g.trackingCode, role, orgCode: org.code, orgName: org.name, regionCode: g.regionCode, ruleId, ruleVersion, returnDeadlineAt }, now);
    }
  }
}
