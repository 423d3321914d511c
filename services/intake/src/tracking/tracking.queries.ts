import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntakeTrackGrievance, IntakeWithdrawGrievance, type CitizenTrackingView } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { CitizenTrackingService } from './citizen-tracking.service';

/** The citizen's door over NATS, for the gateway's public tracking query and withdrawal. */
@Controller()
export class TrackingQueries {
  constructor(private readonly tracking: CitizenTrackingService) {}

  @MessagePattern(IntakeTrackGrievance.subject)
  async view(@Payload() data: unknown): Promise<CitizenTrackingView> {
    const q = await validQuery(IntakeTrackGrievance, data);
    return this.tracking.view(q.trackingCode, q.secret);
  }

  @MessagePattern(IntakeWithdrawGrievance.subject)
  async withdraw(@Payload() data: unknown): Promise<CitizenTrackingView> {
    const q = await validQuery(IntakeWithdrawGrievance, data);
    return this.tracking.withdraw(q.trackingCode, q.secret, q.reason);
  }
}
