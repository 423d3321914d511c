import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { RoutingListAssignments, type AssignmentSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { Assignment } from './assignment.entity';

@Controller()
export class AssignmentQueries {
  constructor(private readonly db: DataSource) {}

  @MessagePattern(RoutingListAssignments.subject)
  async list(@Payload() data: unknown): Promise<AssignmentSummary[]> {
    const { grievanceId } = await validQuery(RoutingListAssignments, data);
    const rows = await this.db.getRepository(Assignment).find({ where: { grievanceId }, order: { role: 'DESC', createdAt: 'ASC' } });
    return rows.map((a) => ({
      id: a.id,
      grievanceId: a.grievanceId,
      role: a.role,
      orgCode: a.orgCode,
      orgName: a.orgName,
      status: a.status,
      ruleId: a.ruleId,
      ruleVersion: a.ruleVersion,
      createdAt: a.createdAt.toISOString(),
    }));
  }
}
