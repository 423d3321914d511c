import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('CategorySuggestion', { description: '智能分类建议 / a category proposed for a grievance text, for the clerk to confirm' })
export class CategorySuggestionView {
  @Field({ description: '分类代码 / code in the classification list (依法分类处理清单)' }) categoryCode: string;
  @Field({ description: '分类名称 / the category name in the list in force' }) name: string;
  @Field(() => Float, { description: '置信度 0–1，只用于排序参考 / how likely, 0–1; for ordering, not a probability to rely on' }) score: number;
}
