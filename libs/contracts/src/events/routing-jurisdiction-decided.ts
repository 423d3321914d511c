import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { ESCALATION_BASES, RoutingActor, type EscalationBasis } from './routing-assignment-common';

/** The common superior or the joint conference decided who leads; the decision binds (第二十四条). */
export class JurisdictionDecidedV1 {
  @IsUUID() disputeId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(ESCALATION_BASES) basis: EscalationBasis;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
  @Matches(CODE_PATTERN) leadOrgCode: string;
  @IsArray() @ArrayMaxSize(20) @Matches(CODE_PATTERN, { each: true }) coOrgCodes: string[];
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @Matches(CODE_PATTERN, { each: true }) disputantOrgCodes: string[];
  @IsString() @Length(1, 2000) reason: string;
  /** The assignments that now bind: new ones, and open ones the decision confirmed. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(21) @IsUUID('all', { each: true }) assignmentIds: string[];
  @IsISO8601() at: string;
}

export const JurisdictionDecided = defineEvent('routing.jurisdiction.decided', 1, JurisdictionDecidedV1);
