import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RoutingSuggestCategories, SUGGEST_TOP_DEFAULT, type CategorySuggestion } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { CategorySuggester } from './category-suggester';

/** The smart category suggestion at intake: the clerk types the matter, routing proposes, the clerk confirms. */
@Controller()
export class CategorySuggestQueries {
  constructor(private readonly suggester: CategorySuggester) {}

  @MessagePattern(RoutingSuggestCategories.subject)
  async suggest(@Payload() data: unknown): Promise<CategorySuggestion[]> {
    const q = await validQuery(RoutingSuggestCategories, data);
    return this.suggester.suggest(q.text, q.top ?? SUGGEST_TOP_DEFAULT);
  }
}

export const CLASSIFIER_CONTROLLERS = [CategorySuggestQueries];
export const CLASSIFIER_PROVIDERS = [CategorySuggester];
