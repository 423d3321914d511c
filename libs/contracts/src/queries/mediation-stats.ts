import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { MEDIATION_HANDOFF_KINDS, type MediationHandoffKind } from '../events/mediation-common';
import type { MediationStats } from './mediation-views';

/**
 * Count, success rate and mean duration of handoffs concluded in [from, to), in total and per
 * kind, receiving organisation and region. A region code also counts the regions under it.
 */
export class MediationStatsQuery {
  @IsISO8601() from: string;
  @IsISO8601() to: string;
  @IsOptional() @IsIn(MEDIATION_HANDOFF_KINDS) kind?: MediationHandoffKind;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
}

export const MediationGetStats = defineQuery<MediationStatsQuery, MediationStats>('mediation.stats', MediationStatsQuery);
