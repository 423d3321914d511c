import { IsString, Length } from 'class-validator';
import { defineEvent } from '../contract';
import { TimestampedHandoffFact } from './mediation-common';

/** The receiving organisation declined the case, with its reason; the source takes it back. */
export class HandoffDeclinedV1 extends TimestampedHandoffFact {
  @IsString() @Length(1, 1000) reason: string;
}

export const HandoffDeclined = defineEvent('mediation.handoff.declined', 1, HandoffDeclinedV1);
