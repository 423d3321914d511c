import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { SupervisionActor } from '../events/supervision-aftercare-common';

/** The longest one extension of a handling deadline may be (信访工作条例 第三十四条). */
export const MAX_EXTENSION_DAYS = 30;

/** The handling unit asks to extend its handling deadline once (延期申请), with its reason. */
export class RequestDeadlineExtension {
  @IsUUID() grievanceId: string;
  @IsInt({ message: 'days must be a whole number of days' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(MAX_EXTENSION_DAYS, { message: `延长期限不得超过${MAX_EXTENSION_DAYS}日 / days must be at most ${MAX_EXTENSION_DAYS}` })
  days: number;
  @IsString() @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' }) reason: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

/** A supervisor or leader approves or refuses a pending request. */
export class DecideDeadlineExtension {
  @IsUUID() requestId: string;
  @IsBoolean() approve: boolean;
  @IsOptional() @IsString() @Length(1, 1000, { message: 'note must be 1 to 1000 characters' }) note?: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

export const DEADLINE_EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type DeadlineExtensionStatus = (typeof DEADLINE_EXTENSION_STATUSES)[number];

/**
 * The requests a decider or a unit looks at, newest first. The caller (the gateway) sets the
 * scope: a unit's own organisation, an oversight account's region subtree.
 */
export class ListDeadlineExtensions {
  @IsOptional() @IsIn(DEADLINE_EXTENSION_STATUSES) status?: DeadlineExtensionStatus;
  /** The grievance's region and below; a grievance whose region supervision does not know is left out. */
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  /** The organisation that asked. */
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export interface DeadlineExtensionView {
  id: string;
  grievanceId: string;
  /** From supervision's projection of the case; null until intake's fact has arrived. */
  trackingCode: string | null;
  clockId: string;
  days: number;
  reason: string;
  status: DeadlineExtensionStatus;
  requestedBy: string;
  requestedOrg: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  /** The due date when asked, and after approval. */
  previousDueAt: string;
  newDueAt: string | null;
}

export const SupervisionRequestDeadlineExtension = defineQuery<RequestDeadlineExtension, DeadlineExtensionView>('supervision.deadline.extension.request', RequestDeadlineExtension);
export const SupervisionDecideDeadlineExtension = defineQuery<DecideDeadlineExtension, DeadlineExtensionView>('supervision.deadline.extension.decide', DecideDeadlineExtension);

export interface DeadlineExtensionPage {
  /** Each with its keyset cursor: pass it as `cursor` to continue after that row. */
  items: (DeadlineExtensionView & { cursor: string })[];
  nextCursor: string | null;
}

export const SupervisionListDeadlineExtensions = defineQuery<ListDeadlineExtensions, DeadlineExtensionPage>('supervision.deadline.extension.list', ListDeadlineExtensions);
