import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource, In } from 'typeorm';
import { RoutingListAssignments, RoutingListAssignmentsByGrievanceIds, type AssignmentSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { Assignment } from './assignment.entity';

@Controller()
export class AssignmentQueries {
  constructor(private readonly db: DataSource) {}

  @MessagePattern(RoutingListAssignments.subject)
  async list(@Payload() data: unknown): Promise<AssignmentSummary[]> {
    const { grievanceId } = await validQuery(RoutingListAssignments, data);
    const rows = await this.db.getRepository(Assignment).find({ where: { grievanceId }, order: { role: 'DESC', createdAt: 'ASC' } });
    return rows.map(toSummary);
  }

  /** Many grievances' assignments in one query: the gateway's DataLoader asks for a whole page at once. */
  @MessagePattern(RoutingListAssignmentsByGrievanceIds.subject)
  async listByGrievanceIds(@Payload() data: unknown): Promise<AssignmentSummary[]> {
    const { grievanceIds } = await validQuery(RoutingListAssignmentsByGrievanceIds, data);
    const rows = await this.db.getRepository(Assignment).find({ where: { grievanceId: In(grievanceIds) }, order: { grievanceId: 'ASC', role: 'DESC', createdAt: 'ASC' } });
    return rows.map(toSummary);
  }
}

function toSummary(a: Assignment): AssignmentSummary {
  return {
    id: a.id,
    grievanceId: a.grievanceId,
    role: a.role,
    orgCode: a.orgCode,
    orgName: a.orgName,
    status: a.status,
    ruleId: a.ruleId,
    ruleVersion: a.ruleVersion,
    createdAt: a.createdAt.toISOString(),
  };
}
