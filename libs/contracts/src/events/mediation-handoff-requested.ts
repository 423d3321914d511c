import { IsIn, IsOptional } from 'class-validator';
import { defineEvent } from '../contract';
import { LITIGATION_PROCEDURES, LITIGATION_STAGES, TimestampedHandoffFact, type LitigationProcedureName, type LitigationStageName } from './mediation-common';

/** A source (petition office, court, procuratorate, police station) handed a dispute to a mediation organisation. */
export class HandoffRequestedV1 extends TimestampedHandoffFact {
  @IsOptional() @IsIn(LITIGATION_STAGES) stage?: LitigationStageName;
  @IsOptional() @IsIn(LITIGATION_PROCEDURES) procedure?: LitigationProcedureName;
}

export const HandoffRequested = defineEvent('mediation.handoff.requested', 1, HandoffRequestedV1);
