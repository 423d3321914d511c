import { Args, Query, Resolver } from '@nestjs/graphql';
import { RoutingSuggestCategories, SUGGEST_TOP_DEFAULT } from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { Allow } from '../auth/allow.decorator';
import { RequireScopes } from '../auth/require-scopes.decorator';
import { CategorySuggestionView } from './dto/category-suggestion.view';
import { SuggestCategoriesArgs } from './dto/suggest-categories.args';

/** Intake's smart category suggestion: routing's classifier proposes, the clerk or the operator confirms. */
@Resolver(() => CategorySuggestionView)
export class CategorySuggestionResolver {
  constructor(private readonly rpc: RpcClient) {}

  // External intake systems (12345 platforms) may ask too, with the scope to submit grievances.
  @Allow('reception_clerk', 'command_operator', 'api_client')
  @RequireScopes('grievance:write')
  @Query(() => [CategorySuggestionView], {
    description: '根据诉求内容建议分类（最可能的在前，无法识别时为空）/ categories suggested for a grievance text, best first; empty when nothing in it is recognised',
  })
  suggestCategories(@Args() args: SuggestCategoriesArgs): Promise<CategorySuggestionView[]> {
    return this.rpc.request(RoutingSuggestCategories, { text: args.text, top: args.top ?? SUGGEST_TOP_DEFAULT });
  }
}
