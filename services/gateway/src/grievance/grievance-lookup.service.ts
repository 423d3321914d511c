import { Injectable } from '@nestjs/common';
import { IntakeGetGrievance, type GrievanceSummary } from '@yikouban/contracts';
import { RpcCallError, RpcClient } from '@yikouban/messaging';
import type { GrievanceTriageView } from './dto/grievance-triage.view';
import type { GrievanceView } from './dto/grievance.view';
import { GrievanceDetailsLoader } from './grievance-details.loader';
import { toGrievanceView, toTriageView } from './grievance-view.mapper';

/**
 * Asks intake for the grievance, then routing and supervision at once for its assignments and
 * clocks — batched per GraphQL operation, so a list of N grievances costs one call to each.
 */
@Injectable()
export class GrievanceLookupService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly details: GrievanceDetailsLoader,
  ) {}

  /** null when intake knows no such tracking code; any other failure propagates with its code. `context`: the GraphQL context. */
  async byTrackingCode(trackingCode: string, context?: object): Promise<GrievanceView | null> {
    const grievance = await this.findGrievance(trackingCode);
    return grievance ? this.viewOf(grievance, context) : null;
  }

  /** The composed view of a grievance intake already returned (one row of a list, say). */
  async viewOf(grievance: GrievanceSummary, context?: object): Promise<GrievanceView> {
    const loaders = this.details.for(context);
    const [assignments, clocks] = await Promise.all([loaders.assignments.load(grievance.id), loaders.clocks.load(grievance.id)]);
    return toGrievanceView(grievance, assignments, clocks);
  }

  /** Routing's triage in force (四色预警), batched like the rest: a page costs one call however many rows ask. */
  async triageOf(grievanceId: string, context?: object): Promise<GrievanceTriageView | null> {
    const triage = await this.details.for(context).triage.load(grievanceId);
    return triage ? toTriageView(triage) : null;
  }

  /** The views of a page of grievances: one call to routing and one to supervision for the whole page. */
  viewsOf(grievances: GrievanceSummary[], context?: object): Promise<GrievanceView[]> {
    // Without a GraphQL context the page itself is the scope its loaders live in.
    const scope = context ?? {};
    return Promise.all(grievances.map((g) => this.viewOf(g, scope)));
  }

  private async findGrievance(trackingCode: string): Promise<GrievanceSummary | null> {
    try {
      return await this.rpc.request(IntakeGetGrievance, { trackingCode });
    } catch (err) {
      if (err instanceof RpcCallError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }
}
