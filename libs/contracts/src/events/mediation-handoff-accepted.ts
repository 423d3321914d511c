import { IsISO8601, IsOptional } from 'class-validator';
import { defineEvent } from '../contract';
import { TimestampedHandoffFact } from './mediation-common';

/** The receiving organisation took the case; the mediation period runs from `at`. */
export class HandoffAcceptedV1 extends TimestampedHandoffFact {
  /** First instant after the mediation period; absent when the period counts in working days. */
  @IsOptional() @IsISO8601() mediationDueAt?: string;
}

export const HandoffAccepted = defineEvent('mediation.handoff.accepted', 1, HandoffAcceptedV1);
