import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { REDIRECT_TARGETS, RoutingActor, type RedirectTarget } from './routing-assignment-common';

/**
 * The case leaves petition handling for mediation (访调对接: the mediation service turns a
 * `mediation` redirect into a handoff request) or another statutory body. The lead assignment
 * named here is closed as `redirected`.
 */
export class GrievanceRedirectedV1 {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @Matches(CODE_PATTERN) regionCode: string;
  @IsIn(REDIRECT_TARGETS) to: RedirectTarget;
  @Matches(CODE_PATTERN) targetOrgCode: string;
  @IsString() @Length(1, 200) targetOrgName: string;
  @IsString() @Length(1, 1000) reason: string;
  @IsUUID() sourceAssignmentId: string;
  @Matches(CODE_PATTERN) sourceOrgCode: string;
  @IsString() @Length(1, 200) sourceOrgName: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
  @IsISO8601() at: string;
}

export const GrievanceRedirected = defineEvent('routing.grievance.redirected', 1, GrievanceRedirectedV1);
