import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource, In } from 'typeorm';
import { SupervisionListClocks, SupervisionListClocksByGrievanceIds, type ClockSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { Clock } from './clock.entity';

@Controller()
export class ClockQueries {
  constructor(private readonly db: DataSource) {}

  @MessagePattern(SupervisionListClocks.subject)
  async list(@Payload() data: unknown): Promise<ClockSummary[]> {
    const { grievanceId } = await validQuery(SupervisionListClocks, data);
    const rows = await this.db.getRepository(Clock).find({ where: { grievanceId }, order: { startedAt: 'ASC' } });
    return rows.map((c) => toSummary(c, grievanceId));
  }

  /** Many grievances' clocks in one query: the gateway's DataLoader asks for a whole page at once. */
  @MessagePattern(SupervisionListClocksByGrievanceIds.subject)
  async listByGrievanceIds(@Payload() data: unknown): Promise<ClockSummary[]> {
    const { grievanceIds } = await validQuery(SupervisionListClocksByGrievanceIds, data);
    const rows = await this.db.getRepository(Clock).find({ where: { grievanceId: In(grievanceIds) }, order: { grievanceId: 'ASC', startedAt: 'ASC' } });
    // Every row matched one of the ids, so its grievanceId is set.
    return rows.map((c) => toSummary(c, c.grievanceId as string));
  }
}

function toSummary(c: Clock, grievanceId: string): ClockSummary {
  return {
    id: c.id,
    grievanceId,
    step: c.step,
    policyCode: c.policyCode,
    state: c.state,
    startedAt: c.startedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
  };
}
