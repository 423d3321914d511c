import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { JurisdictionDecided, type DecideJurisdiction, type DisputeView } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import type { Assignment } from '../assignment/assignment.entity';
import { createAssignment } from '../assignment/assignment-writer';
import { publishReassigned } from './assignment-facts';
import { AssignmentStore } from './assignment-store';
import { transition, WORKING } from './domain/assignment-machine';
import { WorkbenchDirectory } from './workbench-directory';
import { refusal } from './workbench-errors';
import { WorkbenchReader } from './workbench-reader';

interface DisputeRow {
  id: string;
  grievance_id: string;
  tracking_code: string;
  status: 'open' | 'decided';
  basis: 'common_superior' | 'joint_conference';
  escalated_to_org_code: string;
}

/** Kinds that cannot be made to handle a case: they route, coordinate or judge it. */
const NOT_HANDLERS: readonly string[] = ['command_centre', 'joint_conference', 'court', 'procuratorate'];

/**
 * 第二十四条: the common superior or the joint conference office decides which unit leads (and
 * which co-handle). The decision binds: the disputed assignments are closed, the decided units
 * get assignments that cannot be returned, and open ones the decision confirms become binding.
 */
@Injectable()
export class JurisdictionDecisionService {
  constructor(
    private readonly db: DataSource,
    private readonly store: AssignmentStore,
    private readonly directory: WorkbenchDirectory,
    private readonly reader: WorkbenchReader,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async decide(c: DecideJurisdiction): Promise<DisputeView> {
    const coOrgCodes = [...new Set(c.coOrgCodes ?? [])].filter((code) => code !== c.leadOrgCode);
    const lead = await this.directory.organisation(c.leadOrgCode, 'leadOrgCode');
    const cos = await Promise.all(coOrgCodes.map((code, i) => this.directory.organisation(code, `coOrgCodes.${i}`)));
    for (const [org, field] of [[lead, 'leadOrgCode'], ...cos.map((o, i) => [o, `coOrgCodes.${i}`] as const)] as const) {
      if (NOT_HANDLERS.includes(org.kind)) throw refusal('BAD_REQUEST', 'not_a_handling_unit', `${org.name} 不能作为承办单位 (cannot handle cases)`, field);
    }
    await this.db.transaction(async (tx) => {
      const d = await this.lockDispute(tx, c.disputeId);
      if (c.by.orgCode !== d.escalated_to_org_code) {
        throw refusal('FORBIDDEN', 'actor_not_permitted', `该争议由 ${d.escalated_to_org_code} 决定 (only the body it was escalated to decides)`, 'by.orgCode');
      }
      if (d.status !== 'open') throw refusal('CONFLICT', 'dispute_decided', '该管辖争议已作出决定 (already decided)', 'disputeId');
      const now = new Date();
      const wanted = new Map<string, { role: 'lead' | 'co'; name: string }>([[lead.code, { role: 'lead', name: lead.name }], ...cos.map((o) => [o.code, { role: 'co' as const, name: o.name }] as const)]);
      const all = await this.store.allOf(tx, d.grievance_id);
      const bound: string[] = [];
      const settled: Assignment[] = [];
      for (const a of all) {
        const decided = wanted.get(a.orgCode);
        const keep = decided?.role === a.role && WORKING.includes(a.status);
        if (keep) {
          await this.store.save(tx, a, a.status, now, { bindingDecisionId: d.id });
          bound.push(a.id);
          wanted.delete(a.orgCode);
          continue;
        }
        // The disputed returns, and a working lead the decision replaces, make way.
        const replaced = (a.status === 'disputed' && a.disputeId === d.id) || (a.role === 'lead' && WORKING.includes(a.status)) || (decided !== undefined && [...WORKING, 'awaiting_reassignment'].includes(a.status));
        if (!replaced) continue;
        const t = transition(await this.store.stateOf(tx, a), { type: 'settle' }, now);
        await this.store.dropPendingHandover(tx, a.id, 'jurisdiction_decision', now);
        await this.store.save(tx, a, t.to, now);
        await this.store.record(tx, a.id, now, { kind: 'reassigned', by: c.by, detail: { cause: 'jurisdiction_decision', disputeId: d.id } });
        settled.push(a);
      }
      const template = all[0];
      const created: Assignment[] = [];
      for (const [orgCode, w] of wanted) {
        const org = orgCode === lead.code ? lead : (cos.find((o) => o.code === orgCode) as typeof lead);
        const previous = settled.find((s) => s.orgCode === orgCode) ?? settled.find((s) => s.role === w.role);
        created.push(
          await createAssignment(tx, {
            grievanceId: d.grievance_id,
            trackingCode: d.tracking_code,
            role: w.role,
            orgCode,
            orgName: w.name,
            regionCode: template?.regionCode ?? org.regionCode,
            ruleId: `jurisdiction_decision:${d.id}`,
            ruleVersion: template?.ruleVersion ?? 1,
            returnDeadlineAt: this.directory.returnDeadline(now),
            ...(previous ? { replacesAssignmentId: previous.id } : {}),
            bindingDecisionId: d.id,
          }, now),
        );
      }
      for (const s of settled) {
        const to = created.find((n) => n.orgCode === s.orgCode) ?? created.find((n) => n.role === s.role);
        await publishReassigned(tx, s, c.by, now, { cause: 'jurisdiction_decision', reason: c.reason, ...(to ? { toAssignmentId: to.id, toOrgCode: to.orgCode, toOrgName: to.orgName } : {}) });
      }
      const disputants = [...new Set(all.filter((a) => a.disputeId === d.id).map((a) => a.orgCode))];
      const assignmentIds = [...bound, ...created.map((n) => n.id)];
      const decision = { leadOrgCode: lead.code, coOrgCodes, reason: c.reason, by: { userId: c.by.userId, orgCode: c.by.orgCode }, decidedAt: now.toISOString(), assignmentIds };
      await tx.query(`UPDATE jurisdiction_dispute SET status = 'decided', decision = $2, decided_at = $3 WHERE id = $1`, [d.id, JSON.stringify(decision), now]);
      await appendToOutbox(
        tx,
        JurisdictionDecided,
        { disputeId: d.id, grievanceId: d.grievance_id, trackingCode: d.tracking_code, basis: d.basis, by: decision.by, leadOrgCode: lead.code, coOrgCodes, disputantOrgCodes: disputants, reason: c.reason, assignmentIds, at: now.toISOString() },
        { occurredAt: now },
      );
    });
    this.relay?.kick();
    return this.reader.dispute(c.disputeId);
  }

  private async lockDispute(tx: EntityManager, id: string): Promise<DisputeRow> {
    const found: { grievance_id: string }[] = await tx.query('SELECT grievance_id FROM jurisdiction_dispute WHERE id = $1', [id]);
    if (!found[0]) throw refusal('NOT_FOUND', 'not_found', `未找到管辖争议 ${id} (no such dispute)`, 'disputeId');
    await this.store.lockGrievance(tx, found[0].grievance_id);
    const rows: DisputeRow[] = await tx.query('SELECT id, grievance_id, tracking_code, status, basis, escalated_to_org_code FROM jurisdiction_dispute WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] as DisputeRow;
  }
}
