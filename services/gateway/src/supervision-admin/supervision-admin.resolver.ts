import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  SupervisionAddCalendarOverride,
  SupervisionDeadlinePolicies,
  SupervisionRemoveCalendarOverride,
  SupervisionRetireLocalDeadlinePolicy,
  SupervisionSaveLocalDeadlinePolicy,
  type CalendarOverrideView as CalendarOverrideData,
  type DeadlinePolicyView as DeadlinePolicyData,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { staffActor } from '../supervision/supervision-access';
import {
  AddCalendarOverrideInput,
  CalendarOverrideView,
  DeadlinePolicyView,
  RemoveCalendarOverrideInput,
  RetireLocalDeadlinePolicyInput,
  SaveLocalDeadlinePolicyInput,
} from './dto/supervision-admin.types';

const date = (iso: string | null) => (iso ? new Date(iso) : null);
const toOverride = (o: CalendarOverrideData): CalendarOverrideView => ({ ...o, createdAt: new Date(o.createdAt) });
const toPolicy = (p: DeadlinePolicyData): DeadlinePolicyView => ({ ...p, effectiveFrom: date(p.effectiveFrom), effectiveUntil: date(p.effectiveUntil) });

/** An administrator changes the calendars and policies of their own region only. */
function withinRegion(p: Principal, jurisdiction: string, field: string): void {
  if (p.regionCode && !jurisdiction.startsWith(p.regionCode)) {
    const message = 'outside_region: 超出本账号辖区 / outside the account’s region';
    throw new DomainError('FORBIDDEN', message, [{ field, problems: [message] }]);
  }
}

/** Calendar and deadline-policy administration (issue 6 item 10). */
@Resolver()
export class SupervisionAdminResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Allow('administrator')
  @Mutation(() => CalendarOverrideView, { description: '新增日历调整（本地节日休息或调休上班）/ add an override day' })
  async addCalendarOverride(@CurrentPrincipal() p: Principal, @Args('input') i: AddCalendarOverrideInput): Promise<CalendarOverrideView> {
    withinRegion(p, i.jurisdiction, 'input.jurisdiction');
    return toOverride(await this.rpc.request(SupervisionAddCalendarOverride, { jurisdiction: i.jurisdiction, date: i.date, kind: i.kind, note: i.note, by: staffActor(p) }));
  }

  @Allow('administrator')
  @Mutation(() => CalendarOverrideView, { description: '删除日历调整 / remove an override day' })
  async removeCalendarOverride(@CurrentPrincipal() p: Principal, @Args('input') i: RemoveCalendarOverrideInput): Promise<CalendarOverrideView> {
    withinRegion(p, i.jurisdiction, 'input.jurisdiction');
    return toOverride(await this.rpc.request(SupervisionRemoveCalendarOverride, { jurisdiction: i.jurisdiction, date: i.date, by: staffActor(p) }));
  }

  @Allow('administrator')
  @Query(() => [DeadlinePolicyView], { description: '期限规则：法定规则（只读，附条款）及本辖区和上级的地方规则 / statutory and local deadline policies' })
  async deadlinePolicies(
    @Args('jurisdiction') jurisdiction: string,
    @Args('includeHistory', { nullable: true, description: '含已停用和未生效的版本 / with past and future versions' }) includeHistory?: boolean,
  ): Promise<DeadlinePolicyView[]> {
    const list = await this.rpc.request(SupervisionDeadlinePolicies, { jurisdiction, ...(includeHistory ? { includeHistory } : {}) });
    return list.map(toPolicy);
  }

  @Allow('administrator')
  @Mutation(() => DeadlinePolicyView, { description: '新增或修改地方期限规则（只能严于法定期限）/ save a local policy (only stricter than the statutory one)' })
  async saveLocalDeadlinePolicy(@CurrentPrincipal() p: Principal, @Args('input') i: SaveLocalDeadlinePolicyInput): Promise<DeadlinePolicyView> {
    withinRegion(p, i.jurisdiction, 'input.jurisdiction');
    const { effectiveFrom, when, warnAt, note, ...rest } = i;
    const cmd = {
      ...rest,
      ...(warnAt ? { warnAt } : {}),
      ...(when ? { when: { ...(when.complexity ? { complexity: when.complexity } : {}), ...(when.firstTime !== undefined && when.firstTime !== null ? { firstTime: when.firstTime } : {}), ...(when.kind ? { kind: when.kind } : {}) } } : {}),
      ...(note ? { note } : {}),
      ...(effectiveFrom ? { effectiveFrom: effectiveFrom.toISOString() } : {}),
      by: staffActor(p),
    };
    return toPolicy(await this.rpc.request(SupervisionSaveLocalDeadlinePolicy, cmd));
  }

  @Allow('administrator')
  @Mutation(() => DeadlinePolicyView, { description: '停用地方期限规则（已在计时的期限不受影响）/ retire a local policy; running clocks keep it' })
  async retireLocalDeadlinePolicy(@CurrentPrincipal() p: Principal, @Args('input') i: RetireLocalDeadlinePolicyInput): Promise<DeadlinePolicyView> {
    withinRegion(p, i.jurisdiction, 'input.jurisdiction');
    return toPolicy(await this.rpc.request(SupervisionRetireLocalDeadlinePolicy, { jurisdiction: i.jurisdiction, code: i.code, ...(i.effectiveFrom ? { effectiveFrom: i.effectiveFrom.toISOString() } : {}), by: staffActor(p) }));
  }
}
