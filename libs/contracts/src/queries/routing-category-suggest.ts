import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { defineQuery } from '../contract';

/** Longest text the classifier reads: a long letter's first pages say what it is about. */
export const SUGGEST_TEXT_MAX_LENGTH = 5000;
export const SUGGEST_TOP_MAX = 5;
export const SUGGEST_TOP_DEFAULT = 3;

/** The grievance as the petitioner or the clerk wrote it; routing proposes categories for the clerk to confirm. */
export class SuggestCategories {
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(SUGGEST_TEXT_MAX_LENGTH)
  text: string;

  /** How many suggestions, best first (default 3). */
  @IsOptional() @IsInt() @Min(1) @Max(SUGGEST_TOP_MAX) top?: number;
}

/** One suggestion: a category of the list in force, and how likely (0..1, over the whole list). */
export interface CategorySuggestion {
  categoryCode: string;
  name: string;
  score: number;
}

/** Empty when the text has nothing the classifier recognises: the clerk picks by hand. */
export const RoutingSuggestCategories = defineQuery<SuggestCategories, CategorySuggestion[]>('routing.category.suggest', SuggestCategories);
