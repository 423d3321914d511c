import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DirectoryChanged, RoutingListOrganisations, type DirectoryChange, type DirectoryChangedV1, type DirectoryOrganisationView, type EventEnvelope } from '@yikouban/contracts';
import { RpcCallError, RpcClient, type EventHandler } from '@yikouban/messaging';
import { DirectoryRepository } from './directory.repository';
import { mediationKindOf } from './organisation-kind';

const ORGANISATION_CHANGES: ReadonlySet<DirectoryChange> = new Set(['organisation_created', 'organisation_updated', 'organisation_deactivated']);

/**
 * Routing owns the county's directory; mediation keeps a copy of the organisations that send or
 * receive handoffs. The fact names the organisation only, so its current record is asked of
 * routing: whatever order facts arrive or come again in, the copy ends as routing has it. Routing
 * silent: the fact is redelivered later. Routing not knowing the code: nothing to copy.
 * Regions are not mediation's business (its region codes are routing's, by value).
 */
@Injectable()
export class DirectoryChangedHandler implements EventHandler<DirectoryChangedV1> {
  readonly contract = DirectoryChanged;

  constructor(
    private readonly routing: RpcClient,
    private readonly directory: DirectoryRepository,
  ) {}

  async handle(event: EventEnvelope<DirectoryChangedV1>, tx: EntityManager): Promise<void> {
    const code = event.data.organisationCode;
    if (!ORGANISATION_CHANGES.has(event.data.change) || !code) return;
    const org = await this.current(code);
    if (!org) return;
    const kind = mediationKindOf(org.kind);
    // Now a kind that takes no part in handoffs: it may no longer send or receive one.
    if (kind === null) return this.directory.deactivate(tx, code);
    await this.directory.followRouting(tx, { code, name: org.name, nameEn: org.nameEn, kind, regionCode: org.regionCode, active: org.active });
  }

  /** Routing's record of the organisation, active or not; undefined when routing has none. */
  private async current(code: string): Promise<DirectoryOrganisationView | undefined> {
    try {
      const found = await this.routing.request(RoutingListOrganisations, { codes: [code], includeInactive: true });
      return found.find((o) => o.code === code);
    } catch (err) {
      if (err instanceof RpcCallError && err.code === 'NOT_FOUND') return undefined;
      // Thrown, not rejected: the consumer redelivers the fact once routing can answer.
      throw new Error(`routing did not give organisation ${code}: ${(err as Error).message}`);
    }
  }
}
