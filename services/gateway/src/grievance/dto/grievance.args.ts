import { ArgsType, Field } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';
import { TRACKING_CODE_PATTERN } from '@yikouban/contracts';

@ArgsType()
export class GrievanceArgs {
  /** Codes are upper case; a citizen typing one in lower case or with spaces still finds it. */
  @Field({ description: '受理编号 / the tracking code given at intake' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(TRACKING_CODE_PATTERN, { message: '受理编号格式不正确 / trackingCode is not a tracking code' })
  trackingCode: string;
}
