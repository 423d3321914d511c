import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { MEDIATION_HANDOFF_KINDS, type MediationHandoffKind } from './mediation-common';

/** The steps of a handoff that run against a time limit. */
export const MEDIATION_DEADLINE_STEPS = ['handoff_acceptance', 'mediator_appointment', 'mediation', 'judicial_confirmation_application'] as const;
export type MediationDeadlineStep = (typeof MEDIATION_DEADLINE_STEPS)[number];

/**
 * A time limit started (or moved, when the parties extend it) for one step of a handoff: time
 * limits are data, and the supervision service runs the clocks. A later `set` for the same
 * handoff and step replaces the earlier one. A step's clock stops when the handoff leaves it:
 * handoff_acceptance on accepted/declined; mediator_appointment, mediation on concluded;
 * judicial_confirmation_application on agreement.confirmed or the handoff's return.
 *
 * For `working_days`, `dueAt` skips Saturdays and Sundays only: the supervision service, which
 * owns the holiday calendar (调休 included), recomputes it from startedAt, amount and unit.
 */
export class DeadlineSetV1 {
  @IsUUID() handoffId: string;
  @IsIn(MEDIATION_HANDOFF_KINDS) kind: MediationHandoffKind;
  @IsOptional() @IsUUID() grievanceId?: string;
  @IsIn(MEDIATION_DEADLINE_STEPS) step: MediationDeadlineStep;
  @IsInt() @Min(1) @Max(3650) amount: number;
  @IsIn(['natural_days', 'working_days']) unit: 'natural_days' | 'working_days';
  /** The rule the limit comes from, quoted for the people who must keep it. */
  @IsString() @Length(1, 500) source: string;
  /** Who must act before dueAt (the receiving organisation, or the parties via it). */
  @Matches(CODE_PATTERN) responsibleOrgCode: string;
  @IsISO8601() startedAt: string;
  @IsISO8601() dueAt: string;
}

export const DeadlineSet = defineEvent('mediation.deadline.set', 1, DeadlineSetV1);
