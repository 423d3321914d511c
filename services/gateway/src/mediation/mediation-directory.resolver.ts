import { Args, Query, Resolver } from '@nestjs/graphql';
import { MediationGetStats, MediationListMediators, MediationListOrganisations } from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { Allow } from '../auth/allow.decorator';
import { STAFF_ROLES } from '../auth/role-groups';
import { MediationOrganisationsArgs, MediationStatsArgs, MediatorsArgs } from './dto/mediation-query.args';
import { MediationOrganisationView, MediatorView, StatsView } from './dto/handoff.view';
import { toStatsView } from './handoff-view.mapper';
import { OVERSIGHT_ROLES } from './mediation-access';

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The mediation directory for everyone on staff; the statistics for oversight. */
@Resolver()
export class MediationDirectoryResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Allow(...STAFF_ROLES)
  @Query(() => [MediationOrganisationView], { description: '调解组织及移交机关（按区划、类别、擅长领域） / mediation organisations and senders' })
  mediationOrganisations(@Args() a: MediationOrganisationsArgs): Promise<MediationOrganisationView[]> {
    return this.rpc.request(MediationListOrganisations, defined({ kind: a.kind, regionCode: a.regionCode, speciality: a.speciality }));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => [MediatorView], { description: '调解员及其擅长领域 / mediators and their specialities' })
  mediators(@Args() a: MediatorsArgs): Promise<MediatorView[]> {
    return this.rpc.request(MediationListMediators, defined({ orgCode: a.orgCode, speciality: a.speciality, includeInactive: a.includeInactive }));
  }

  @Allow(...OVERSIGHT_ROLES)
  @Query(() => StatsView, { description: '调解统计：数量、成功率、平均用时，按种类、组织、区划 / count, success rate and mean duration' })
  async mediationStatistics(@Args() a: MediationStatsArgs): Promise<StatsView> {
    const stats = await this.rpc.request(MediationGetStats, { from: a.from.toISOString(), to: a.to.toISOString(), ...defined({ kind: a.kind, orgCode: a.orgCode, regionCode: a.regionCode }) });
    return toStatsView(stats);
  }
}
