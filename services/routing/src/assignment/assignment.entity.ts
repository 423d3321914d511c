import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssignmentStatusName } from '@yikouban/contracts';

export type AssignmentStatus = AssignmentStatusName;

/** 交办: a unit made responsible for a grievance, as lead (主办) or co-handler (协办). */
@Entity({ name: 'assignment' })
export class Assignment {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'grievance_id', type: 'uuid' }) grievanceId: string;
  @Column({ name: 'tracking_code', type: 'text' }) trackingCode: string;
  @Column({ type: 'text' }) role: 'lead' | 'co';
  @Column({ name: 'org_code', type: 'text' }) orgCode: string;
  @Column({ name: 'org_name', type: 'text' }) orgName: string;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ type: 'text' }) status: AssignmentStatus;
  @Column({ name: 'rule_id', type: 'text' }) ruleId: string;
  @Column({ name: 'rule_version', type: 'int' }) ruleVersion: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** 第二十三条: until then the unit may return it as misrouted (5 working days). */
  @Column({ name: 'return_deadline_at', type: 'timestamptz' }) returnDeadlineAt: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt: Date | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason: string | null;
  /** The assignment this one took over from (reassignment, handover, jurisdiction decision). */
  @Column({ name: 'replaces_assignment_id', type: 'uuid', nullable: true }) replacesAssignmentId: string | null;
  /** The dispute this assignment's return is part of. */
  @Column({ name: 'dispute_id', type: 'uuid', nullable: true }) disputeId: string | null;
  /** The jurisdiction decision that made this assignment: it binds and cannot be returned. */
  @Column({ name: 'binding_decision_id', type: 'uuid', nullable: true }) bindingDecisionId: string | null;
  /** 包案: the leader in personal charge. */
  @Column({ name: 'case_leader', type: 'jsonb', nullable: true }) caseLeader: { name: string; title: string } | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
