import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { defineEvent } from '../contract';
import { MEDIATION_FOLLOW_UPS, TimestampedHandoffFact, type MediationFollowUp } from './mediation-common';

/**
 * The outcome went back to the source, which now closes or continues the petition, files or
 * resumes the court case, or closes or continues the police / procuratorate case.
 */
export class HandoffReturnedV1 extends TimestampedHandoffFact {
  @IsIn(['agreement', 'failure']) outcome: 'agreement' | 'failure';
  @IsIn(MEDIATION_FOLLOW_UPS) followUp: MediationFollowUp;
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}

export const HandoffReturned = defineEvent('mediation.handoff.returned', 1, HandoffReturnedV1);
