import { ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { defineEvent } from '../contract';
import { MEDIATION_FAILURE_ENDS, MEDIATION_OTHER_ROADS, TimestampedHandoffFact, type MediationFailureEnd, type MediationOtherRoad } from './mediation-common';

/**
 * Mediation ended: with an agreement (signed by every party), or without one and the reason
 * (在线调解规则 Art 25) together with the other roads the parties were told about (人民调解法 Art 26).
 */
export class HandoffConcludedV1 extends TimestampedHandoffFact {
  @IsIn(['agreement', 'failure']) outcome: 'agreement' | 'failure';
  @ValidateIf((o: HandoffConcludedV1) => o.outcome === 'agreement') @IsUUID() agreementId?: string;
  @ValidateIf((o: HandoffConcludedV1) => o.outcome === 'agreement') @IsISO8601() effectiveAt?: string;
  /** Last instant to apply for judicial confirmation (人民调解法 Art 33), when it applies. */
  @IsOptional() @IsISO8601() confirmationApplicationEndsAt?: string;
  @ValidateIf((o: HandoffConcludedV1) => o.outcome === 'failure') @IsIn(MEDIATION_FAILURE_ENDS) end?: MediationFailureEnd;
  @ValidateIf((o: HandoffConcludedV1) => o.outcome === 'failure') @IsString() @Length(1, 1000) reason?: string;
  @ValidateIf((o: HandoffConcludedV1) => o.outcome === 'failure') @IsArray() @ArrayUnique() @IsIn(MEDIATION_OTHER_ROADS, { each: true }) otherRoads?: MediationOtherRoad[];
}

export const HandoffConcluded = defineEvent('mediation.handoff.concluded', 1, HandoffConcludedV1);
