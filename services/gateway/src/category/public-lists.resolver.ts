import { Args, Query, Resolver } from '@nestjs/graphql';
import { RoutingListCategories, RoutingListRegionChildren } from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { Public } from '../auth/allow.decorator';
import { RateLimited } from '../auth/rate-limited.decorator';
import { PublicCategoryView, RegionsArgs, RegionView } from './dto/public-lists.views';

/**
 * What the citizen portal's pickers need before anyone signs in: the categories by name (the
 * list's internals — statutory paths, keywords, departments — stay with staff) and the region
 * tree one level at a time. Public, so rate-limited per client address like the rest of the portal.
 */
@Resolver()
export class PublicListsResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @RateLimited('public')
  @Query(() => [PublicCategoryView], { description: '诉求类别（现行清单，代码与中英文名称） / the categories in force, code and names only' })
  async publicCategories(): Promise<PublicCategoryView[]> {
    const categories = await this.rpc.request(RoutingListCategories, {});
    return categories.map((c) => ({ code: c.code, name: c.name, nameEn: c.nameEn }));
  }

  @Public()
  @RateLimited('public')
  @Query(() => [RegionView], { description: '下级行政区划（不填上级为最上层） / the regions directly under a parent, for town → village pickers' })
  regions(@Args() args: RegionsArgs): Promise<RegionView[]> {
    return this.rpc.request(RoutingListRegionChildren, args.parentCode ? { parentCode: args.parentCode } : {});
  }
}
