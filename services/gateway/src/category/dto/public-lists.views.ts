import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { CODE_PATTERN } from '@yikouban/contracts';

@ObjectType('PublicCategory', { description: '诉求类别（供群众选择） / a category of the classification list, for the citizen’s picker' })
export class PublicCategoryView {
  @Field({ description: '分类代码 / category code' }) code: string;
  @Field({ description: '中文名称 / name in Chinese' }) name: string;
  @Field({ description: 'name in English' }) nameEn: string;
}

@ObjectType('Region', { description: '行政区划（县、镇街、村社区、网格） / a region of the directory' })
export class RegionView {
  @Field({ description: '区划代码 / region code' }) code: string;
  @Field({ description: '名称 / name' }) name: string;
  @Field({ description: 'city, county, town, village, grid' }) level: string;
  @Field(() => String, { nullable: true, description: '上级区划代码 / the parent region' }) parentCode: string | null;
}

@ArgsType()
export class RegionsArgs {
  @Field(() => String, { nullable: true, description: '上级区划代码，不填为最上层 / the parent; the top of the tree when left out' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: '区划代码格式不正确 / parentCode is not a region code' })
  parentCode?: string | null;
}
