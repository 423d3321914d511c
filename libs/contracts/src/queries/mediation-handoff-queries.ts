import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { MEDIATION_HANDOFF_STATUSES, type MediationHandoffStatus } from '../events/mediation-common';
import type { HandoffPage, HandoffView } from './mediation-views';

export class GetHandoff {
  @IsUUID() handoffId: string;
  /** When given, only the source, the receiving organisation or the confirming court may look (else FORBIDDEN). */
  @IsOptional() @Matches(CODE_PATTERN) viewerOrgCode?: string;
}

class HandoffListQuery {
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsIn(MEDIATION_HANDOFF_STATUSES, { each: true }) status?: MediationHandoffStatus[];
  /** The nextCursor of the previous page. */
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
}

/**
 * An organisation's inbox, newest first: as `receiver` (default), the handoffs sent to it; as
 * `confirming_court`, the agreements whose judicial confirmation was applied for to it.
 */
export class HandoffInbox extends HandoffListQuery {
  @Matches(CODE_PATTERN) orgCode: string;
  @IsOptional() @IsIn(['receiver', 'confirming_court']) role?: 'receiver' | 'confirming_court';
}

/** The sending side's view: by source organisation, or every handoff of one petition case. */
export class HandoffsSent extends HandoffListQuery {
  @ValidateIf((o: HandoffsSent) => o.grievanceId === undefined || o.sourceOrgCode !== undefined) @Matches(CODE_PATTERN) sourceOrgCode?: string;
  @IsOptional() @IsUUID() grievanceId?: string;
}

export const MediationGetHandoff = defineQuery<GetHandoff, HandoffView>('mediation.handoff.get', GetHandoff);
export const MediationHandoffInbox = defineQuery<HandoffInbox, HandoffPage>('mediation.handoff.inbox', HandoffInbox);
export const MediationHandoffsSent = defineQuery<HandoffsSent, HandoffPage>('mediation.handoff.sent', HandoffsSent);
