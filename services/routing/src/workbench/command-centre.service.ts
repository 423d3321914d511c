import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GrievanceRedirected, type AssignmentView, type ReassignAssignment, type RedirectGrievance, type RedirectTarget, type RedirectView } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { createAssignment } from '../assignment/assignment-writer';
import type { OrganisationKind } from '../directory/directory.types';
import { publishReassigned } from './assignment-facts';
import { AssignmentStore } from './assignment-store';
import { transition, WORKING } from './domain/assignment-machine';
import { refuseIfHolding } from './handover.service';
import { UnitActionsService } from './unit-actions.service';
import { WorkbenchDirectory } from './workbench-directory';
import { applyMachine, refusal } from './workbench-errors';
import { WorkbenchReader } from './workbench-reader';

/** Which organisations each statutory road is handed to. The demo directory has no arbitration commission: 人社 hosts 劳动人事争议仲裁院. */
export const REDIRECT_TARGET_KINDS: Readonly<Record<RedirectTarget, readonly OrganisationKind[]>> = {
  mediation: ['mediation_committee', 'lawyer_mediation_room'],
  court: ['court'],
  procuratorate: ['procuratorate'],
  police: ['police_station'],
  arbitration: ['department'],
  administrative: ['department', 'town_government'],
};

/** The command centre's part: re-route a returned assignment; hand a case out of petition handling. */
@Injectable()
export class CommandCentreService {
  constructor(
    private readonly db: DataSource,
    private readonly store: AssignmentStore,
    private readonly directory: WorkbenchDirectory,
    private readonly units: UnitActionsService,
    private readonly reader: WorkbenchReader,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  /** A returned assignment goes to another unit; the old one closes as `reassigned`. */
  async reassign(c: ReassignAssignment): Promise<AssignmentView> {
    const actor = await this.directory.actor(c.by);
    const to = await this.directory.organisation(c.toOrgCode, 'toOrgCode');
    const newId = await this.db.transaction(async (tx) => {
      const a = await this.store.lock(tx, c.assignmentId);
      const now = new Date();
      const state = await this.store.stateOf(tx, a);
      const t = applyMachine(() => transition(state, { type: 'reassign', by: actor }, now));
      if (to.code === a.orgCode) throw refusal('BAD_REQUEST', 'invalid_command', '不能再交给退回它的单位；如有争议由联席会议决定 (not to the unit that returned it)', 'toOrgCode');
      await refuseIfHolding(tx, a.grievanceId, to.code, 'toOrgCode');
      await this.store.save(tx, a, t.to, now);
      const n = await createAssignment(
        tx,
        {
          grievanceId: a.grievanceId,
          trackingCode: a.trackingCode,
          role: a.role,
          orgCode: to.code,
          orgName: to.name,
          regionCode: a.regionCode,
          ruleId: `reassigned:${c.by.orgCode}`,
          ruleVersion: a.ruleVersion,
          returnDeadlineAt: this.directory.returnDeadline(now),
          replacesAssignmentId: a.id,
        },
        now,
      );
      await this.store.record(tx, a.id, now, { kind: 'reassigned', by: c.by, detail: { reason: c.reason, toAssignmentId: n.id, toOrgCode: to.code } });
      await publishReassigned(tx, a, c.by, now, { cause: 'command_centre', reason: c.reason, toAssignmentId: n.id, toOrgCode: n.orgCode, toOrgName: n.orgName });
      return n.id;
    });
    this.relay?.kick();
    return this.reader.view(newId);
  }

  /**
   * 法定途径优先: the case goes to mediation (访调对接; the mediation service picks it up from
   * `routing.grievance.redirected`) or another statutory body. The lead closes as `redirected`,
   * co-units as `closed`.
   */
  async redirect(c: RedirectGrievance): Promise<RedirectView> {
    const actor = await this.directory.actor(c.by);
    const target = await this.directory.organisation(c.targetOrgCode, 'targetOrgCode');
    if (!REDIRECT_TARGET_KINDS[c.to].includes(target.kind)) {
      throw refusal('BAD_REQUEST', 'target_kind_mismatch', `${target.name} 不是${c.to}机构 (not a ${c.to} body)`, 'targetOrgCode');
    }
    const view = await this.db.transaction(async (tx) => {
      await this.store.lockGrievance(tx, c.grievanceId);
      const all = await this.store.allOf(tx, c.grievanceId);
      if (all.length === 0) throw refusal('NOT_FOUND', 'not_found', `未找到信访事项 ${c.grievanceId} 的交办 (no assignment for this grievance)`, 'grievanceId');
      const lead = all.find((a) => a.role === 'lead' && WORKING.includes(a.status));
      if (!lead) throw refusal('CONFLICT', 'no_working_lead', '没有正在办理的主办单位 (no lead is handling it)', 'grievanceId');
      const now = new Date();
      const state = await this.store.stateOf(tx, lead);
      const t = applyMachine(() => transition(state, { type: 'redirect', by: actor }, now));
      await this.store.save(tx, lead, t.to, now);
      await this.store.record(tx, lead.id, now, { kind: 'redirected', by: c.by, detail: { to: c.to, targetOrgCode: target.code, reason: c.reason } });
      const closed = await this.units.closeCoUnits(tx, c.grievanceId, now, 'redirected');
      await appendToOutbox(
        tx,
        GrievanceRedirected,
        {
          grievanceId: lead.grievanceId,
          trackingCode: lead.trackingCode,
          regionCode: lead.regionCode,
          to: c.to,
          targetOrgCode: target.code,
          targetOrgName: target.name,
          reason: c.reason,
          sourceAssignmentId: lead.id,
          sourceOrgCode: lead.orgCode,
          sourceOrgName: lead.orgName,
          by: { userId: c.by.userId, orgCode: c.by.orgCode },
          at: now.toISOString(),
        },
        { occurredAt: now },
      );
      return { grievanceId: lead.grievanceId, to: c.to, targetOrgCode: target.code, targetOrgName: target.name, sourceAssignmentId: lead.id, closedAssignmentIds: [lead.id, ...closed], redirectedAt: now.toISOString() };
    });
    this.relay?.kick();
    return view;
  }
}
