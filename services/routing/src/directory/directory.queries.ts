import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RoutingListCategories, RoutingListRegionChildren, type CategorySummary, type RegionSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { DirectoryCache } from './directory-cache';

/** The classification list as other services show it (Open311 services, intake's category picker). */
@Controller()
export class DirectoryQueries {
  constructor(private readonly directory: DirectoryCache) {}

  @MessagePattern(RoutingListCategories.subject)
  async categories(@Payload() data: unknown): Promise<CategorySummary[]> {
    await validQuery(RoutingListCategories, data);
    const dir = await this.directory.current();
    return [...dir.categories.values()].map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      matterClass: c.matterClass,
      statutoryPaths: c.statutoryPaths,
      keywords: c.keywords,
      listVersion: dir.listVersion,
    }));
  }

  /** Pickers walk the tree one level at a time; codes sort as the directory numbers them. */
  @MessagePattern(RoutingListRegionChildren.subject)
  async regionChildren(@Payload() data: unknown): Promise<RegionSummary[]> {
    const q = await validQuery(RoutingListRegionChildren, data);
    const { tree } = await this.directory.current();
    let regions;
    if (q.parentCode === undefined) {
      regions = tree.all().filter((r) => r.parentCode === null || !tree.has(r.parentCode));
    } else {
      if (!tree.has(q.parentCode)) throw new DomainError('NOT_FOUND', `区划 ${q.parentCode} 不存在 (no such region)`, [{ field: 'parentCode', problems: ['not_found'] }]);
      regions = tree.childrenOf(q.parentCode);
    }
    return regions.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode })).sort((a, b) => a.code.localeCompare(b.code));
  }
}
