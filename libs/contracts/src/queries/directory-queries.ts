import { IsIn, IsOptional, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';

export class ListCategories {
  /** zh-CN first; en for English names in the same fields. */
  @IsOptional() @IsIn(['zh-CN', 'en']) locale?: 'zh-CN' | 'en';
}

/** One entry of the classification list (依法分类处理清单), as other services may show it. */
export interface CategorySummary {
  code: string;
  name: string;
  nameEn: string;
  /** 建议意见 / 检举控告 / 申诉求决 (信访工作条例 第二十九至三十一条). */
  matterClass: 'suggestion' | 'accusation' | 'claim';
  statutoryPaths: string[];
  keywords: string[];
  listVersion: number;
}

export const RoutingListCategories = defineQuery<ListCategories, CategorySummary[]>('routing.category.list', ListCategories);

/** The regions directly under `parentCode` (the top of the tree when absent): the citizen's town → village picker. */
export class ListRegionChildren {
  @IsOptional() @Matches(CODE_PATTERN) parentCode?: string;
}

/** One region of the directory, as a picker shows it. */
export interface RegionSummary {
  code: string;
  name: string;
  /** city, county, town, village or grid. */
  level: string;
  parentCode: string | null;
}

/** NOT_FOUND when the directory has no such parent. */
export const RoutingListRegionChildren = defineQuery<ListRegionChildren, RegionSummary[]>('routing.region.children', ListRegionChildren);
