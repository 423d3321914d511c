import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../contract';
import { RoutingActor } from './routing-assignment-common';

/**
 * An administrator published a new version of the 依法分类处理清单: it is the list triage uses
 * from now on. Whoever keeps a copy of the current list (routing's other replicas, pickers that
 * show categories) drops it and reads the new version.
 */
export class ClassificationPublishedV1 {
  @IsInt() @Min(1) version: number;
  /** The version the changes were made to; absent for the first list an administrator published. */
  @IsOptional() @IsInt() @Min(1) basedOn?: number;
  /** How many categories the new version has. */
  @IsInt() @Min(0) size: number;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
  @IsISO8601() at: string;
}

export const ClassificationPublished = defineEvent('routing.classification.published', 1, ClassificationPublishedV1);
