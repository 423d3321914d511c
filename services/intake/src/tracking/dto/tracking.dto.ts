import { IsString, Length, Matches } from 'class-validator';
import { TRACKING_CODE_PATTERN } from '@yikouban/contracts';

/** The citizen's proof of ownership: the code and the secret handed out at submission. */
export class TrackingCredentials {
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
  @IsString() @Length(6, 32) secret: string;
}

export class WithdrawRequest extends TrackingCredentials {
  @IsString() @Length(1, 500) reason: string;
}
