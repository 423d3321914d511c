import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import type { AssignmentPage } from './routing-workbench-views';

/** What waits on the command centre: returned as misrouted (to reassign), or disputed between units (第二十四条). */
export const QUEUE_STATUSES = ['awaiting_reassignment', 'disputed'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** Assignments of every unit that wait on the command centre, newest first, keyset-paginated like the inbox. */
export class AssignmentQueue {
  /** Omitted: both. */
  @IsOptional() @IsArray() @ArrayMaxSize(2) @IsIn(QUEUE_STATUSES, { each: true }) status?: QueueStatus[];
  /** Only grievances in this region or below it (the operator's jurisdiction). */
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
}

export const RoutingAssignmentQueue = defineQuery<AssignmentQueue, AssignmentPage>('routing.assignment.queue', AssignmentQueue);
