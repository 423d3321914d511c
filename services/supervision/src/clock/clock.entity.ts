import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ClockState = 'running' | 'paused' | 'stopped' | 'breached';

export interface ClockChange {
  at: string;
  change: 'started' | 'replanned' | 'reanchored' | 'paused' | 'resumed' | 'extended' | 'stopped' | 'breached';
  cause: string;
}

/** A deadline running for one step of a grievance (e.g. the lead unit's handling). */
@Entity({ name: 'clock' })
export class Clock {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'grievance_id', type: 'uuid', nullable: true }) grievanceId: string | null;
  /** What the clock times: the assignment, handoff or notice it belongs to. */
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ type: 'text' }) step: string;
  @Column({ name: 'policy_code', type: 'text' }) policyCode: string;
  @Column({ type: 'text' }) state: ClockState;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'jsonb' }) history: ClockChange[];
  @Column({ name: 'warn_shares', type: 'real', array: true }) warnShares: number[];
  @Column({ name: 'warnings_sent', type: 'int' }) warningsSent: number;
  @Column({ name: 'escalation_level', type: 'int' }) escalationLevel: number;
  /** When the sweeper must look at this clock next (a warning, the deadline, an escalation step). */
  @Column({ name: 'next_alarm_at', type: 'timestamptz', nullable: true }) nextAlarmAt: Date | null;
  /** The jurisdiction whose working calendar the clock counts on (null: the national schedule only). */
  @Column({ name: 'region_code', type: 'text', nullable: true }) regionCode: string | null;
  /**
   * Started on its own event (a lead assignment) before intake's receipt had come: its start is then
   * the assignment's instant, and the receipt may still move it earlier (see receipt-anchor.ts).
   */
  @Column({ name: 'awaiting_receipt', type: 'boolean' }) awaitingReceipt: boolean;
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true }) stoppedAt: Date | null;
}
