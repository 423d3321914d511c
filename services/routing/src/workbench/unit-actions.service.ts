import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AcceptAssignment,
  AssignmentView,
  ContributeToReply,
  DispatchOnSite,
  RecordProgress,
  ReplyContributionFact,
  ReplyToGrievance,
  ReturnAssignment,
  RoutingActor,
  SetCaseLeader,
} from '@yikouban/contracts';
import { OutboxRelay } from '@yikouban/messaging';
import { Assignment } from '../assignment/assignment.entity';
import { publishAccepted, publishProgressed, publishReplied, publishReturned } from './assignment-facts';
import { AssignmentStore } from './assignment-store';
import { transition, WORKING, type AssignmentCommand, type Actor, type Transition } from './domain/assignment-machine';
import { JurisdictionEscalation } from './jurisdiction-escalation';
import { WorkbenchDirectory } from './workbench-directory';
import { applyMachine, refusal } from './workbench-errors';
import { WorkbenchReader } from './workbench-reader';

type Step = (tx: EntityManager, a: Assignment, t: Transition, now: Date) => Promise<void>;

/**
 * What a unit does with its assignment: sign for it, return it, record progress, dispatch a team,
 * contribute to the lead's reply, reply, name the leader in charge. Each command runs in one
 * transaction: lock, ask the state machine, save, record the step, write the fact to the outbox.
 */
@Injectable()
export class UnitActionsService {
  constructor(
    private readonly db: DataSource,
    private readonly store: AssignmentStore,
    private readonly directory: WorkbenchDirectory,
    private readonly escalation: JurisdictionEscalation,
    private readonly reader: WorkbenchReader,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  accept(c: AcceptAssignment): Promise<AssignmentView> {
    return this.act(c, (by) => ({ type: 'accept', by }), async (tx, a, t, now) => {
      await this.store.save(tx, a, t.to, now, { acceptedAt: now });
      await this.store.record(tx, a.id, now, { kind: 'accepted', by: c.by });
      await publishAccepted(tx, a, c.by, now);
    });
  }

  /** 退回: back to the command centre, or into a dispute when another unit returned it too. */
  return(c: ReturnAssignment): Promise<AssignmentView> {
    return this.act(c, (by) => ({ type: 'return', by, reason: c.reason }), async (tx, a, t, now) => {
      await this.store.save(tx, a, t.to, now, { returnedAt: now, returnReason: c.reason });
      await this.store.record(tx, a.id, now, { kind: 'returned', by: c.by, detail: { reason: c.reason } });
      const dispute = await this.escalation.afterReturn(tx, a, now);
      await publishReturned(tx, a, c.by, now, c.reason, dispute);
    });
  }

  progress(c: RecordProgress): Promise<AssignmentView> {
    return this.act(c, (by) => ({ type: 'progress', by, note: c.note }), async (tx, a, t, now) => {
      await this.store.save(tx, a, t.to, now);
      await this.store.record(tx, a.id, now, { kind: 'progress_note', by: c.by, detail: { note: c.note } });
      await publishProgressed(tx, a, c.by, now, { kind: 'note', note: c.note });
    });
  }

  /** 外送服务: the team and when it is expected on site. */
  dispatch(c: DispatchOnSite): Promise<AssignmentView> {
    const expectedArrivalAt = new Date(c.expectedArrivalAt);
    return this.act(c, (by) => ({ type: 'dispatch', by, team: c.team, expectedArrivalAt }), async (tx, a, t, now) => {
      const dispatch = { team: c.team, expectedArrivalAt: expectedArrivalAt.toISOString() };
      await this.store.save(tx, a, t.to, now);
      await this.store.record(tx, a.id, now, { kind: 'dispatched', by: c.by, detail: { ...dispatch, note: c.note ?? '' } });
      await publishProgressed(tx, a, c.by, now, { kind: 'dispatch', note: c.note ?? '', dispatch });
    });
  }

  /** 协办意见 for the lead unit's reply; refused once there is no working lead (replied, returned). */
  contribute(c: ContributeToReply): Promise<AssignmentView> {
    return this.act(c, (by) => ({ type: 'contribute', by, text: c.text }), async (tx, a, t, now) => {
      const lead = (await this.store.allOf(tx, a.grievanceId)).find((x) => x.role === 'lead' && WORKING.includes(x.status));
      if (!lead) throw refusal('CONFLICT', 'no_working_lead', '主办单位已答复或尚未确定，无法提交协办意见 (the lead has replied or is not settled)');
      await tx.query(
        'INSERT INTO reply_contribution (id, grievance_id, lead_assignment_id, from_assignment_id, org_code, org_name, text, by_user_id, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)',
        [randomUUID(), a.grievanceId, lead.id, a.id, a.orgCode, a.orgName, c.text, c.by.userId, now],
      );
      await this.store.save(tx, a, t.to, now);
      await this.store.record(tx, a.id, now, { kind: 'contributed', by: c.by, detail: { text: c.text, leadAssignmentId: lead.id } });
      await publishProgressed(tx, a, c.by, now, { kind: 'contribution', note: c.text, leadAssignmentId: lead.id });
    });
  }

  /** The lead's 处理意见书 with every co-unit's contribution; co-units still working are closed with it. */
  reply(c: ReplyToGrievance): Promise<AssignmentView> {
    return this.act(c, (by) => ({ type: 'reply', by }), async (tx, a, t, now) => {
      const contributions = await this.contributionsOf(tx, a.grievanceId);
      await tx.query('INSERT INTO assignment_reply (assignment_id, conclusion, letter, contributions, by_user_id, by_org_code, replied_at) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
        a.id,
        c.letter.conclusion,
        JSON.stringify(c.letter),
        JSON.stringify(contributions),
        c.by.userId,
        c.by.orgCode,
        now,
      ]);
      await this.store.save(tx, a, t.to, now);
      await this.store.record(tx, a.id, now, { kind: 'replied', by: c.by, detail: { conclusion: c.letter.conclusion } });
      await this.closeCoUnits(tx, a.grievanceId, now, 'lead_replied');
      const letter = { request: c.letter.request, facts: c.letter.facts, reasons: c.letter.reasons, opinion: c.letter.opinion, legalBasis: c.letter.legalBasis, conclusion: c.letter.conclusion };
      await publishReplied(tx, a, c.by, now, letter, contributions.map(({ fromAssignmentId, orgCode, orgName, text }) => ({ fromAssignmentId, orgCode, orgName, text })));
    });
  }

  /** 包案: the leader in personal charge, recorded on the case. */
  setCaseLeader(c: SetCaseLeader): Promise<AssignmentView> {
    return this.act(c, (by) => ({ type: 'set_case_leader', by }), async (tx, a, t, now) => {
      const caseLeader = { name: c.leaderName, title: c.leaderTitle };
      await this.store.save(tx, a, t.to, now, { caseLeader });
      await this.store.record(tx, a.id, now, { kind: 'case_leader', by: c.by, detail: caseLeader });
      await publishProgressed(tx, a, c.by, now, { kind: 'case_leader', note: '', caseLeader });
    });
  }

  /** Closes the co-units' assignments once the lead has answered for all (reply or redirect). */
  async closeCoUnits(tx: EntityManager, grievanceId: string, now: Date, cause: string): Promise<string[]> {
    const closed: string[] = [];
    for (const co of (await this.store.allOf(tx, grievanceId)).filter((x) => x.role === 'co')) {
      const state = await this.store.stateOf(tx, co);
      let t: Transition;
      try {
        t = transition(state, { type: 'close' }, now);
      } catch {
        continue; // already finished, or in a dispute that its decision will settle
      }
      await this.store.dropPendingHandover(tx, co.id, cause, now);
      await this.store.save(tx, co, t.to, now);
      await this.store.record(tx, co.id, now, { kind: 'closed', by: null, detail: { cause } });
      closed.push(co.id);
    }
    return closed;
  }

  private async contributionsOf(tx: EntityManager, grievanceId: string): Promise<(ReplyContributionFact & { by: { userId: string; orgCode: string }; at: string })[]> {
    const rows: { from_assignment_id: string; org_code: string; org_name: string; text: string; by_user_id: string; at: Date }[] = await tx.query(
      'SELECT from_assignment_id, org_code, org_name, text, by_user_id, at FROM reply_contribution WHERE grievance_id = $1 ORDER BY at, id',
      [grievanceId],
    );
    return rows.map((r) => ({ fromAssignmentId: r.from_assignment_id, orgCode: r.org_code, orgName: r.org_name, text: r.text, by: { userId: r.by_user_id, orgCode: r.org_code }, at: r.at.toISOString() }));
  }

  private async act(c: { assignmentId: string; by: RoutingActor }, command: (by: Actor) => AssignmentCommand, step: Step): Promise<AssignmentView> {
    const actor = await this.directory.actor(c.by);
    await this.db.transaction(async (tx) => {
      const a = await this.store.lock(tx, c.assignmentId);
      // Read the time once the lock is held: a command that waited is never dated before the one it waited for.
      const now = new Date();
      const state = await this.store.stateOf(tx, a);
      const t = applyMachine(() => transition(state, command(actor), now));
      await step(tx, a, t, now);
    });
    this.relay?.kick();
    return this.reader.view(c.assignmentId);
  }
}
