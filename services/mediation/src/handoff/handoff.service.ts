import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { ActOnHandoff, HandoffView, RequestHandoff } from '@yikouban/contracts';
import { OutboxRelay } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { DirectoryRepository, type OrganisationRecord } from '../directory/directory.repository';
import {
  requestHandoff,
  transition,
  withdrawRequest,
  type HandoffDomainEvent,
  type HandoffRoute,
  type MediationOrganisationKind,
  type OrganisationRef,
  type SourceOrganisationKind,
  type TransitionResult,
} from './domain';
import { mayIssue, toDomainStep } from './handoff-command-mapper';
import { applyDomain, refusal, requestField } from './handoff-errors';
import { recordFacts } from './handoff-facts';
import { HandoffReader } from './handoff-reads';
import { HandoffRepository, type RequestOrigin, type StoredHandoff } from './handoff.repository';

/**
 * Requests and commands on handoffs. Each runs in one transaction: lock the row, call the pure
 * state machine, save the state and its projections, write the facts to the outbox. A second
 * command on the same handoff waits for the lock and then meets the new state.
 */
@Injectable()
export class HandoffService {
  constructor(
    private readonly db: DataSource,
    private readonly handoffs: HandoffRepository,
    private readonly directory: DirectoryRepository,
    private readonly reader: HandoffReader,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async request(dto: RequestHandoff, now = new Date()): Promise<HandoffView> {
    const id = dto.handoffId ?? randomUUID();
    const earlier = dto.handoffId ? await this.reader.find(id) : undefined;
    if (earlier) return this.sameRequestAgain(earlier, dto);
    const { h, events } = await this.prepare(dto, id, now, this.db.manager);
    try {
      await this.db.transaction((tx) => this.insertRequested(tx, h, events));
    } catch (err) {
      const constraint = (err as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint;
      // The index decides when two requests race past the check above.
      if (constraint === 'handoff_one_open_petition') throw openHandoffExists();
      if (constraint === 'handoff_pkey' && dto.handoffId) return this.sameRequestAgain((await this.reader.find(id)) as StoredHandoff, dto);
      throw err;
    }
    this.relay?.kick();
    return this.reader.withMediatorName(h);
  }

  /**
   * The same request inside the caller's transaction, for the event handlers (访调 from routing's
   * redirect): the same checks, refusals, state and facts; `origin` is kept beside the handoff.
   */
  async requestWithin(tx: EntityManager, dto: RequestHandoff, now: Date, origin?: RequestOrigin): Promise<StoredHandoff> {
    const { h, events } = await this.prepare(dto, dto.handoffId ?? randomUUID(), now, tx);
    await this.insertRequested(tx, h, events, origin);
    return h;
  }

  /** Checks a request against the directory and the domain and builds the handoff; writes nothing. */
  private async prepare(dto: RequestHandoff, id: string, now: Date, m: EntityManager): Promise<{ h: StoredHandoff; events: readonly HandoffDomainEvent[] }> {
    if (dto.kind !== 'litigation_mediation' && (dto.stage !== undefined || dto.procedure !== undefined)) {
      throw refusal('BAD_REQUEST', 'invalid_command', '只有诉调对接有委派/委托阶段和审理程序 (stage and procedure belong to litigation mediation only)', 'stage');
    }
    if (dto.stage === 'pre_filing' && dto.procedure !== undefined) {
      throw refusal('BAD_REQUEST', 'invalid_command', '立案前委派调解没有审理程序 (a pre-filing handoff has no procedure yet)', 'procedure');
    }
    const source = await this.organisation(dto.sourceOrgCode, 'sourceOrgCode', m);
    const target = await this.organisation(dto.targetOrgCode, 'targetOrgCode', m);
    const route = { kind: dto.kind, ...(dto.stage ? { stage: dto.stage } : {}), ...(dto.procedure ? { procedure: dto.procedure } : {}) } as HandoffRoute;
    const created = applyDomain(
      () =>
        requestHandoff(
          {
            id,
            route,
            source: refOf<SourceOrganisationKind>(source),
            target: refOf<MediationOrganisationKind>(target),
            sourceReference: dto.sourceReference,
            matter: dto.matter,
            parties: dto.parties.map((p, i) => ({ id: p.id ?? `party-${i + 1}`, name: p.name, role: p.role })),
            by: { userId: dto.by.userId, orgCode: dto.by.orgCode },
          },
          now,
        ),
      requestField,
    );
    const h: StoredHandoff = { state: created.state, version: 1, regionCode: dto.regionCode ?? target.regionCode, grievanceId: dto.grievanceId ?? null };
    if (dto.kind === 'petition_mediation' && dto.grievanceId && (await this.handoffs.hasOpenPetitionHandoff(dto.grievanceId, m))) throw openHandoffExists();
    return { h, events: created.events };
  }

  private async insertRequested(tx: EntityManager, h: StoredHandoff, events: readonly HandoffDomainEvent[], origin?: RequestOrigin): Promise<void> {
    await this.handoffs.insert(tx, h, events, origin);
    await recordFacts(tx, h, events);
  }

  async act(dto: ActOnHandoff, clock: () => Date = () => new Date()): Promise<HandoffView> {
    const saved = await this.db.transaction(async (tx) => {
      const h = await this.handoffs.lock(tx, dto.handoffId);
      if (!h) throw new DomainError('NOT_FOUND', `no handoff ${dto.handoffId}`);
      // Read the time once the lock is held: a command that waited is never dated before the one it waited for.
      const now = clock();
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== h.version) {
        throw refusal('CONFLICT', 'stale_version', `移交已被更新（当前版本 ${h.version}） (the handoff changed since version ${dto.expectedVersion})`, 'expectedVersion');
      }
      if (!mayIssue(dto.command, h.state, dto.by.orgCode)) {
        throw refusal('FORBIDDEN', 'actor_not_permitted', `组织 ${dto.by.orgCode} 不能对该移交执行 ${dto.command.type} (not permitted)`, 'by.orgCode');
      }
      await this.checkReferences(tx, dto, h);
      const mediatorName = h.state.mediator ? ((await this.directory.mediator(h.state.mediator.mediatorId, tx))?.name ?? null) : null;
      const step = toDomainStep(dto.command, { state: h.state, by: { ...dto.by }, mediatorName, newId: randomUUID });
      const result = applyDomain(() => (step.kind === 'withdraw' ? withdrawRequest(h.state, step.request, now) : transition(h.state, step.command, now)));
      return this.store(tx, h, result);
    });
    this.relay?.kick();
    return this.reader.withMediatorName(saved);
  }

  /** Saves a transition of a locked handoff with its facts; for the event handlers as well. */
  async store(tx: EntityManager, h: StoredHandoff, result: TransitionResult): Promise<StoredHandoff> {
    const version = await this.handoffs.save(tx, h, result.state, result.events);
    const next = { ...h, state: result.state, version };
    await recordFacts(tx, next, result.events);
    return next;
  }

  /** Mediators must belong to the receiving organisation; a confirmation goes to a court. */
  private async checkReferences(tx: EntityManager, dto: ActOnHandoff, h: StoredHandoff): Promise<void> {
    const cmd = dto.command;
    if (cmd.type === 'appoint_mediator') {
      const m = await this.directory.mediator(cmd.mediatorId, tx);
      if (!m || !m.active || m.orgCode !== h.state.target.orgCode) {
        throw refusal('BAD_REQUEST', 'unknown_mediator', `${cmd.mediatorId} 不是 ${h.state.target.name} 的在册调解员 (not a mediator of the receiving organisation)`, 'command.mediatorId');
      }
    }
    if (cmd.type === 'request_judicial_confirmation') {
      const court = await this.directory.organisation(cmd.courtOrgCode, tx);
      if (!court || court.kind !== 'court') throw refusal('BAD_REQUEST', 'unknown_court', `${cmd.courtOrgCode} 不是人民法院 (not a court)`, 'command.courtOrgCode');
    }
  }

  private async organisation(code: string, field: string, m: EntityManager): Promise<OrganisationRecord> {
    const org = await this.directory.organisation(code, m);
    if (!org || !org.active) throw refusal('BAD_REQUEST', 'unknown_organisation', `未登记的组织 ${code} (unknown organisation)`, field);
    return org;
  }

  /** A retried request (same handoffId) answers the handoff it made; the id cannot be reused for another. */
  private async sameRequestAgain(h: StoredHandoff, dto: RequestHandoff): Promise<HandoffView> {
    const s = h.state;
    if (s.source.orgCode !== dto.sourceOrgCode || s.target.orgCode !== dto.targetOrgCode || s.route.kind !== dto.kind || s.sourceReference !== dto.sourceReference) {
      throw refusal('CONFLICT', 'handoff_id_in_use', `移交编号 ${s.id} 已用于另一移交 (handoffId already used for another handoff)`, 'handoffId');
    }
    return this.reader.withMediatorName(h);
  }
}

const openHandoffExists = () => refusal('CONFLICT', 'open_handoff_exists', '该信访事项已有尚未办结的访调对接 (this petition case already has an open handoff)', 'grievanceId');

function refOf<K extends string>(o: OrganisationRecord): OrganisationRef<K> {
  return { orgCode: o.code, name: o.name, kind: o.kind as K };
}
