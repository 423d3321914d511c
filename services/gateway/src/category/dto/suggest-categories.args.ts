import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SUGGEST_TEXT_MAX_LENGTH, SUGGEST_TOP_DEFAULT, SUGGEST_TOP_MAX } from '@yikouban/contracts';

/** The contract's bounds, checked here too so a bad request never leaves the gateway. */
@ArgsType()
export class SuggestCategoriesArgs {
  @Field({ description: `诉求内容，最多 ${SUGGEST_TEXT_MAX_LENGTH} 字 / the grievance text as written, at most ${SUGGEST_TEXT_MAX_LENGTH} characters` })
  @IsString()
  @Matches(/\S/, { message: '诉求内容不能为空 / text must not be blank' })
  @MaxLength(SUGGEST_TEXT_MAX_LENGTH)
  text: string;

  @Field(() => Int, { nullable: true, defaultValue: SUGGEST_TOP_DEFAULT, description: `返回几条建议，1–${SUGGEST_TOP_MAX} / how many suggestions, 1–${SUGGEST_TOP_MAX}` })
  @IsOptional() @IsInt() @Min(1) @Max(SUGGEST_TOP_MAX)
  top?: number;
}
