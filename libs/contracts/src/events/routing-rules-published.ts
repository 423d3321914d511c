import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../contract';
import { RoutingActor } from './routing-assignment-common';

/**
 * An administrator published a new version of the routing rules: routing assigns with it from
 * now on. Whoever keeps a copy of the rules in force (routing's other replicas) drops it and reads
 * the new version.
 */
export class RuleSetPublishedV1 {
  @IsInt() @Min(1) version: number;
  /** The version the changes were made to; absent for the first set an administrator published. */
  @IsOptional() @IsInt() @Min(1) basedOn?: number;
  /** How many rules the new version has. */
  @IsInt() @Min(0) size: number;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
  @IsISO8601() at: string;
}

export const RuleSetPublished = defineEvent('routing.rules.published', 1, RuleSetPublishedV1);
