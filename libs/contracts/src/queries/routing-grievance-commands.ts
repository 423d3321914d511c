import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { REDIRECT_TARGETS, RoutingActor, type RedirectTarget } from '../events/routing-assignment-common';
import { COMPLEXITIES, STATUTORY_PATHS, WARNING_COLOURS } from '../events/routing-grievance-triaged';
import type { DisputeView, RedirectView, TriageView } from './routing-workbench-views';

/** An operator corrects the triage of a grievance; the reason is required and kept with the new decision. */
export class OverrideTriage {
  @IsOptional() @IsIn([1]) v?: 1;
  @IsUUID() grievanceId: string;
  @IsOptional() @IsIn(STATUTORY_PATHS) statutoryPath?: (typeof STATUTORY_PATHS)[number];
  @IsOptional() @IsIn(COMPLEXITIES) complexity?: (typeof COMPLEXITIES)[number];
  @IsOptional() @IsIn(WARNING_COLOURS) colour?: (typeof WARNING_COLOURS)[number];
  @IsString() @Length(1, 400) reason: string;
  @IsString() @Length(1, 100) operatorId: string;
}

/** Hand the case to mediation or another statutory body; closes the lead assignment as `redirected`. */
export class RedirectGrievance {
  @IsOptional() @IsIn([1]) v?: 1;
  @IsUUID() grievanceId: string;
  @IsIn(REDIRECT_TARGETS) to: RedirectTarget;
  @Matches(CODE_PATTERN) targetOrgCode: string;
  @IsString() @Length(1, 1000) reason: string;
  /** The lead unit itself, or the command centre / petition bureau. */
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

/** The common superior or the joint conference office decides who leads; the decision binds (第二十四条). */
export class DecideJurisdiction {
  @IsOptional() @IsIn([1]) v?: 1;
  @IsUUID() disputeId: string;
  @Matches(CODE_PATTERN) leadOrgCode: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @Matches(CODE_PATTERN, { each: true }) coOrgCodes?: string[];
  @IsString() @Length(1, 2000) reason: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

export const RoutingOverrideTriage = defineQuery<OverrideTriage, TriageView>('routing.triage.override', OverrideTriage);
export const RoutingRedirectGrievance = defineQuery<RedirectGrievance, RedirectView>('routing.grievance.redirect', RedirectGrievance);
export const RoutingDecideJurisdiction = defineQuery<DecideJurisdiction, DisputeView>('routing.jurisdiction.decide', DecideJurisdiction);
