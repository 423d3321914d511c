import { Module } from '@nestjs/common';
import { CategorySuggestionResolver } from './category-suggestion.resolver';
import { PublicListsResolver } from './public-lists.resolver';

/** Category help for intake (the suggestion from routing's classifier) and the portal's public pickers. Needs RpcModule. */
@Module({ providers: [CategorySuggestionResolver, PublicListsResolver] })
export class CategoryModule {}
