import { Body, Controller, UseGuards, Get, HttpCode, Param, Post } from '@nestjs/common';
import { PublicRateLimitGuard } from '../rate-limit';
import type { GrievanceSummary } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { isWellFormedTrackingCode } from '../tracking/tracking-code';
import { CreateGrievanceDto } from './dto/create-grievance.dto';
import { GrievanceService, type RegisteredGrievance } from './grievance.service';

/** REST door for channel adapters (hotline, web, mini-program…). */
@Controller('api/v1/grievances')
@UseGuards(PublicRateLimitGuard)
export class GrievanceController {
  constructor(private readonly grievances: GrievanceService) {}

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateGrievanceDto): Promise<RegisteredGrievance> {
    return this.grievances.register(dto);
  }

  @Get(':trackingCode')
  get(@Param('trackingCode') trackingCode: string): Promise<GrievanceSummary> {
    if (!isWellFormedTrackingCode(trackingCode)) {
      throw new DomainError('BAD_REQUEST', 'not a tracking code', [{ field: 'trackingCode', problems: ['malformed or check character wrong'] }]);
    }
    return this.grievances.summaryByTrackingCode(trackingCode);
  }
}
