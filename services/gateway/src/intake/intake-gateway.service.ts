import { Injectable } from '@nestjs/common';
import {
  IntakeGetGrievanceById,
  IntakeListGrievances,
  IntakeMergeGrievances,
  IntakeRegisterGrievance,
  IntakeRevealPetitioner,
  IntakeSuggestDuplicates,
  type GrievanceRecord,
  type ListGrievances,
  type RegisterGrievance,
} from '@yikouban/contracts';
import { RpcCallError, RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import type { Principal } from '../auth/roles';
import type { GrievanceFilterInput } from './dto/intake.inputs';
import type { DuplicateSuggestionView, GrievanceConnectionView, GrievanceMergeView, GrievanceRecordView, RegisteredGrievanceView, RevealedPetitionerView } from './dto/intake.views';
import { toRecordView, toRegisteredView, toRevealedView, withoutNulls } from './intake-view.mapper';

const NOT_FOUND = (id: string) => new DomainError('NOT_FOUND', `no grievance ${id}`);

/** True when `code` lies in the caller's region subtree (codes nest by prefix). */
export function inRegion(code: string, scope: string | undefined): boolean {
  return scope !== undefined && code.startsWith(scope);
}

/** Staff's intake operations, scoped to the caller's region; intake checks every input itself. */
@Injectable()
export class IntakeGatewayService {
  constructor(private readonly rpc: RpcClient) {}

  async register(input: object, principal?: Principal): Promise<RegisteredGrievanceView> {
    const payload = withoutNulls(input) as RegisterGrievance;
    const channelDetails = principal?.kind === 'staff' && payload.channel === 'walk_in' && !payload.channelDetails ? { clerkId: principal.id } : payload.channelDetails;
    return toRegisteredView(await this.rpc.request(IntakeRegisterGrievance, { ...payload, ...(channelDetails ? { channelDetails } : {}) }));
  }

  async list(principal: Principal, first: number | undefined, after: string | undefined, filter: GrievanceFilterInput | undefined): Promise<GrievanceConnectionView> {
    const q: ListGrievances = { ...(withoutNulls(filter ?? {}) as ListGrievances), scopeRegionCode: this.scopeOf(principal), viewerRole: principal.role };
    if (first !== undefined) q.first = first;
    if (after !== undefined) q.after = after;
    const page = await this.rpc.request(IntakeListGrievances, q);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toRecordView(e.node) })) };
  }

  /** Outside the caller's region a grievance does not exist for them: NOT_FOUND, not FORBIDDEN. */
  async byId(principal: Principal, id: string): Promise<GrievanceRecordView> {
    return toRecordView(await this.visible(principal, id));
  }

  async reveal(principal: Principal, grievanceId: string, reason: string): Promise<RevealedPetitionerView> {
    await this.visible(principal, grievanceId);
    const caller = { userId: principal.id, role: principal.role, orgCode: principal.orgCode ?? 'unknown' };
    return toRevealedView(await this.rpc.request(IntakeRevealPetitioner, { grievanceId, caller, reason }));
  }

  async duplicates(principal: Principal, grievanceId: string): Promise<DuplicateSuggestionView[]> {
    await this.visible(principal, grievanceId);
    return this.rpc.request(IntakeSuggestDuplicates, { grievanceId });
  }

  async merge(principal: Principal, keepId: string, mergeId: string): Promise<GrievanceMergeView> {
    await Promise.all([this.visible(principal, keepId, 'keepId'), this.visible(principal, mergeId, 'mergeId')]);
    return this.rpc.request(IntakeMergeGrievances, { keepId, mergeId });
  }

  private scopeOf(principal: Principal): string {
    if (!principal.regionCode) throw new DomainError('FORBIDDEN', '账号未设定辖区 / this account has no region to see');
    return principal.regionCode;
  }

  private async visible(principal: Principal, id: string, field?: string): Promise<GrievanceRecord> {
    const scope = this.scopeOf(principal);
    let record: GrievanceRecord;
    try {
      record = await this.rpc.request(IntakeGetGrievanceById, { grievanceId: id, viewerRole: principal.role });
    } catch (err) {
      if (err instanceof RpcCallError && err.code === 'NOT_FOUND') throw withField(NOT_FOUND(id), field);
      throw err;
    }
    if (!inRegion(record.regionCode, scope)) throw withField(NOT_FOUND(id), field);
    return record;
  }
}

function withField(err: DomainError, field: string | undefined): DomainError {
  return field ? new DomainError(err.code, err.message, [{ field, problems: ['no such grievance in your region'] }]) : err;
}
