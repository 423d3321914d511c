import { Body, Controller, UseGuards, HttpCode, Post } from '@nestjs/common';
import { PublicRateLimit, PublicRateLimitGuard, TRACKING_REQUESTS_PER_MINUTE } from '../rate-limit';
import { CitizenTrackingService, type CitizenView } from './citizen-tracking.service';
import { TrackingCredentials, WithdrawRequest } from './dto/tracking.dto';

/**
 * The citizen's own door (实时跟踪). POST, not GET: the secret stays out of URLs and access logs.
 * Tighter rate limit than the rest: guessing secrets must be slow.
 */
@Controller('api/v1/tracking')
@PublicRateLimit(TRACKING_REQUESTS_PER_MINUTE)
@UseGuards(PublicRateLimitGuard)
export class CitizenTrackingController {
  constructor(private readonly tracking: CitizenTrackingService) {}

  @Post()
  @HttpCode(200)
  view(@Body() body: TrackingCredentials): Promise<CitizenView> {
    return this.tracking.view(body.trackingCode, body.secret);
  }

  @Post('withdraw')
  @HttpCode(200)
  withdraw(@Body() body: WithdrawRequest): Promise<CitizenView> {
    return this.tracking.withdraw(body.trackingCode, body.secret, body.reason);
  }
}
