import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { ESCALATION_BASES, type EscalationBasis } from './routing-assignment-common';

/** Two or more units each returned the same grievance: it goes to their common superior or the joint conference (第二十四条). */
export class JurisdictionDisputedV1 {
  @IsUUID() disputeId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @Matches(CODE_PATTERN, { each: true }) disputantOrgCodes: string[];
  @Matches(CODE_PATTERN) escalatedToOrgCode: string;
  @IsString() @Length(1, 200) escalatedToOrgName: string;
  @IsIn(ESCALATION_BASES) basis: EscalationBasis;
  @IsISO8601() at: string;
}

export const JurisdictionDisputed = defineEvent('routing.jurisdiction.disputed', 1, JurisdictionDisputedV1);
