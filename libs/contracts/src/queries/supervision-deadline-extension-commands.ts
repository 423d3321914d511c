import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
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

export type DeadlineExtensionStatus = 'pending' | 'approved' | 'refused';

export interface DeadlineExtensionView {
  id: string;
  grievanceId: string;
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
