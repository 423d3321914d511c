import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, GrievanceStatus, ReceivingLevel } from '@yikouban/contracts';

/** Channel-specific reference fields (call id, receipt number, grid worker id…). */
export type ChannelDetails = Record<string, string | number | boolean | null>;

/** One matter raised by one person or a group (诉求 / 信访事项). */
@Entity({ name: 'grievance' })
export class Grievance {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tracking_code', type: 'text', unique: true }) trackingCode: string;
  /** SHA-256 of the citizen's secret: the secret itself is shown once and never stored. */
  @Column({ name: 'secret_hash', type: 'text' }) secretHash: string;
  @Column({ type: 'text' }) channel: Channel;
  @Column({ type: 'text' }) status: GrievanceStatus;
  @Column({ name: 'region_code', type: 'text' }) regionCode: string;
  @Column({ name: 'category_code', type: 'text', nullable: true }) categoryCode: string | null;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'int' }) headcount: number;
  @Column({ type: 'boolean' }) collective: boolean;
  @Column({ name: 'petitioner_id', type: 'uuid', nullable: true }) petitionerId: string | null;
  @Column({ name: 'channel_details', type: 'jsonb', default: () => "'{}'" }) channelDetails: ChannelDetails;
  /** 初信初访: no similar matter from the same person within the window. */
  @Column({ name: 'first_time', type: 'boolean' }) firstTime: boolean;
  /** 重复信访: the earlier grievance this one repeats. */
  @Column({ name: 'repeat_of', type: 'uuid', nullable: true }) repeatOf: string | null;
  @Column({ type: 'jsonb', nullable: true }) statement: { request: string; facts: string; reasons: string } | null;
  /** Projections of other services' facts, for the citizen's view (names and dates only). */
  @Column({ name: 'lead_unit_name', type: 'text', nullable: true }) leadUnitName: string | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true }) withdrawnReason: string | null;
  @Column({ type: 'double precision', nullable: true }) latitude: number | null;
  @Column({ type: 'double precision', nullable: true }) longitude: number | null;
  @Column({ name: 'address_text', type: 'text', nullable: true }) addressText: string | null;
  /** 检举控告: the reporter's identity never reaches the handling unit (信访工作条例 第三十条). */
  @Column({ type: 'boolean', default: false }) accusation: boolean;
  @Column({ name: 'received_at_level', type: 'text', nullable: true }) receivedAtLevel: ReceivingLevel | null;
  /** 越级: received above the competent level with no record there first. */
  @Column({ name: 'skip_level', type: 'boolean', default: false }) skipLevel: boolean;
  @Column({ name: 'competent_level', type: 'text', nullable: true }) competentLevel: ReceivingLevel | null;
  @Column({ name: 'competent_region_code', type: 'text', nullable: true }) competentRegionCode: string | null;
  @Column({ name: 'skip_level_redirected', type: 'boolean', default: false }) skipLevelRedirected: boolean;
  /** A merged duplicate points at its primary; both records stay. */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true }) mergedInto: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
