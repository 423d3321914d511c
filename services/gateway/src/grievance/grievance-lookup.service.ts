import { Injectable } from '@nestjs/common';
import { IntakeGetGrievance, RoutingListAssignments, SupervisionListClocks, type GrievanceSummary } from '@yikouban/contracts';
import { RpcCallError, RpcClient } from '@yikouban/messaging';
import type { GrievanceView } from './dto/grievance.view';
import { toGrievanceView } from './grievance-view.mapper';

/** Asks intake for the grievance, then routing and supervision at once for its assignments and clocks. */
@Injectable()
export class GrievanceLookupService {
  constructor(private readonly rpc: RpcClient) {}

  /** null when intake knows no such tracking code; any other failure propagates with its code. */
  async byTrackingCode(trackingCode: string): Promise<GrievanceView | null> {
    const grievance = await this.findGrievance(trackingCode);
    if (!grievance) return null;
    const [assignments, clocks] = await Promise.all([
      this.rpc.request(RoutingListAssignments, { grievanceId: grievance.id }),
      this.rpc.request(SupervisionListClocks, { grievanceId: grievance.id }),
    ]);
    return toGrievanceView(grievance, assignments, clocks);
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
