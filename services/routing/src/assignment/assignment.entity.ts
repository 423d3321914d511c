import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AssignmentStatus = 'created' | 'accepted' | 'returned' | 'in_progress' | 'replied';

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
}
