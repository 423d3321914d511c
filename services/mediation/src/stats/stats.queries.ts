import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MediationGetStats, type MediationStats } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { StatsRepository } from './stats.repository';

@Controller()
export class StatsQueries {
  constructor(private readonly stats: StatsRepository) {}

  @MessagePattern(MediationGetStats.subject)
  async get(@Payload() data: unknown): Promise<MediationStats> {
    return this.stats.stats(await validQuery(MediationGetStats, data));
  }
}
