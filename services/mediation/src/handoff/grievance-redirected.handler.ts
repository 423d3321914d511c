import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceRedirected, type EventEnvelope, type GrievanceRedirectedV1, type RequestHandoff } from '@yikouban/contracts';
import { PermanentEventError, type EventHandler } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { DirectoryRepository } from '../directory/directory.repository';
import { HandoffRepository } from './handoff.repository';
import { HandoffService } from './handoff.service';

/**
 * The redirect names no parties (their identities stay in intake's vault): the petitioner and the
 * other side stand in by role until the committee records them at its first contact (`record_parties`,
 * allowed until a party answers on consent).
 */
export const REDIRECT_PARTIES = (trackingCode: string): RequestHandoff['parties'] => [
  { id: 'petitioner', name: `信访人（信访事项 ${trackingCode}）`, role: 'applicant' },
  { id: 'other-party', name: '对方当事人（待调解组织核实）', role: 'respondent' },
];

/**
 * 访调对接 from routing: the command centre, or the unit holding the case, redirected a petition
 * case to a mediation organisation (`to: mediation`). The handoff is requested exactly as the
 * petition side would request it by hand — same checks, same state, same
 * `mediation.handoff.requested` — dated at the redirect. One redirect makes one handoff: the inbox
 * keeps a redelivered event out, and the redirected assignment kept beside the handoff keeps out
 * the same redirect under another event id. A redirect mediation cannot take (unknown or
 * non-mediation target, an open 访调 already) goes to the dead-letter subject with the refusal.
 */
@Injectable()
export class GrievanceRedirectedHandler implements EventHandler<GrievanceRedirectedV1> {
  readonly contract = GrievanceRedirected;

  constructor(
    private readonly handoffs: HandoffRepository,
    private readonly service: HandoffService,
    private readonly directory: DirectoryRepository,
  ) {}

  async handle(event: EventEnvelope<GrievanceRedirectedV1>, tx: EntityManager): Promise<void> {
    const r = event.data;
    // Courts, procuratorates, police and administrative bodies take a redirect in their own systems.
    if (r.to !== 'mediation') return;
    if (await this.handoffs.fromRedirect(tx, r.grievanceId, r.sourceAssignmentId)) return;
    const sourceOrgCode = await this.sender(tx, r);
    const request: RequestHandoff = {
      kind: 'petition_mediation',
      sourceOrgCode,
      targetOrgCode: r.targetOrgCode,
      grievanceId: r.grievanceId,
      sourceReference: r.trackingCode,
      matter: r.reason,
      regionCode: r.regionCode,
      parties: REDIRECT_PARTIES(r.trackingCode),
      by: { userId: r.by.userId, orgCode: sourceOrgCode },
    };
    try {
      await this.service.requestWithin(tx, request, new Date(r.at), { sourceAssignmentId: r.sourceAssignmentId });
    } catch (err) {
      // A refusal stays a refusal however often the fact comes back.
      if (err instanceof DomainError) throw new PermanentEventError(`访调 for grievance ${r.grievanceId} (${r.trackingCode}) refused: ${err.message}`);
      throw err;
    }
  }

  /**
   * Who sends the case: the unit that held it when mediation knows it as petition work, else the
   * organisation that redirected it (the command centre). Neither: the request's own check refuses
   * the unit by name.
   */
  private async sender(tx: EntityManager, r: GrievanceRedirectedV1): Promise<string> {
    for (const code of [r.sourceOrgCode, r.by.orgCode]) {
      const org = await this.directory.organisation(code, tx);
      if (org?.active && org.kind === 'petition_office') return code;
    }
    return r.sourceOrgCode;
  }
}
