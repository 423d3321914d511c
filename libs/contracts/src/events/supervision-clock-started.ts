import { IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** A deadline clock started for a step of a grievance. */
export class ClockStartedV1 {
  @IsUUID() clockId: string;
  @IsUUID() grievanceId: string;
  @Matches(CODE_PATTERN) policyCode: string;
  @IsString() @Length(1, 60) step: string;
  @IsISO8601() startedAt: string;
  @IsISO8601() dueAt: string;
}

export const ClockStarted = defineEvent('supervision.clock.started', 1, ClockStartedV1);
