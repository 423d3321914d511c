import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { SupervisionListClocks, type ClockSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { Clock } from './clock.entity';

@Controller()
export class ClockQueries {
  constructor(private readonly db: DataSource) {}

  @MessagePattern(SupervisionListClocks.subject)
  async list(@Payload() data: unknown): Promise<ClockSummary[]> {
    const { grievanceId } = await validQuery(SupervisionListClocks, data);
    const rows = await this.db.getRepository(Clock).find({ where: { grievanceId }, order: { startedAt: 'ASC' } });
    return rows.map((c) => ({
      id: c.id,
      grievanceId,
      step: c.step,
      policyCode: c.policyCode,
      state: c.state,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
    }));
  }
}
