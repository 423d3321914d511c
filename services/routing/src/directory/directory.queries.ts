import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RoutingListCategories, type CategorySummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
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
}
