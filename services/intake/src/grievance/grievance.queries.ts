import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntakeGetGrievance, type GrievanceSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { GrievanceService } from './grievance.service';

/** Request/reply queries other services (the gateway) ask over NATS. */
@Controller()
export class GrievanceQueries {
  constructor(private readonly grievances: GrievanceService) {}

  @MessagePattern(IntakeGetGrievance.subject)
  async get(@Payload() data: unknown): Promise<GrievanceSummary> {
    const { trackingCode } = await validQuery(IntakeGetGrievance, data);
    return this.grievances.summaryByTrackingCode(trackingCode);
  }
}
