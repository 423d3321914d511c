import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  MAX_GRIEVANCE_IDS_PER_BATCH,
  MAX_TRIAGE_IDS_PER_BATCH,
  RoutingListAssignmentsByGrievanceIds,
  RoutingListTriageByGrievanceIds,
  SupervisionListClocksByGrievanceIds,
  type AssignmentSummary,
  type ClockSummary,
  type TriageSummary,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { requestScoped } from '../graphql/request-scoped';

export interface GrievanceDetailLoaders {
  assignments: DataLoader<string, AssignmentSummary[]>;
  clocks: DataLoader<string, ClockSummary[]>;
  /** The triage in force, or null when routing has not triaged the grievance (yet). */
  triage: DataLoader<string, TriageSummary | null>;
}

const LOADERS = Symbol('grievance detail loaders');

function groupBy<T extends { grievanceId: string }>(ids: readonly string[], rows: T[]): T[][] {
  const byId = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(row.grievanceId)?.push(row);
  return ids.map((id) => byId.get(id) ?? []);
}

/**
 * Routing's assignments and triage and supervision's clocks per grievance, batched: every grievance of a
 * page asked for in the same tick costs one request to each service, not one each (N+1).
 * Cached per GraphQL operation, never across callers.
 */
@Injectable()
export class GrievanceDetailsLoader {
  constructor(private readonly rpc: RpcClient) {}

  /** The loaders of this operation (the GraphQL context); without one, fresh loaders that batch one tick. */
  for(context?: object): GrievanceDetailLoaders {
    return context ? requestScoped(context, LOADERS, () => this.create()) : this.create();
  }

  private create(): GrievanceDetailLoaders {
    const options = { maxBatchSize: MAX_GRIEVANCE_IDS_PER_BATCH };
    return {
      assignments: new DataLoader(async (ids) => groupBy(ids, await this.rpc.request(RoutingListAssignmentsByGrievanceIds, { grievanceIds: [...ids] })), options),
      clocks: new DataLoader(async (ids) => groupBy(ids, await this.rpc.request(SupervisionListClocksByGrievanceIds, { grievanceIds: [...ids] })), options),
      triage: new DataLoader(async (ids) => groupBy(ids, await this.rpc.request(RoutingListTriageByGrievanceIds, { grievanceIds: [...ids] })).map((rows) => rows[0] ?? null), {
        maxBatchSize: MAX_TRIAGE_IDS_PER_BATCH,
      }),
    };
  }
}
