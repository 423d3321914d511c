import { IsIn, IsOptional } from 'class-validator';
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
