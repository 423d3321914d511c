import { IsIn, IsInt, IsISO8601, IsNumber, IsUUID, Matches, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** A Beijing civil date, YYYY-MM-DD (kept here so the event does not depend on a query file). */
const CIVIL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The windows a spike is looked for in, by their length in Beijing days. */
export const EARLY_WARNING_WINDOWS = ['1d', '3d'] as const;
export type EarlyWarningWindow = (typeof EARLY_WARNING_WINDOWS)[number];

/**
 * 苗头预警: grievances of one category in one region (a town) rose well above the region's recent
 * baseline within a window — e.g. many parents of one town about the same school. Raised once per
 * region × category × window period, for the command centre.
 */
export class EarlyWarningRaisedV1 {
  @IsUUID() alertId: string;
  /** The region the spike is counted in (the town level of the grievances' regions). */
  @Matches(CODE_PATTERN) regionCode: string;
  @Matches(CODE_PATTERN) categoryCode: string;
  @IsIn(EARLY_WARNING_WINDOWS) window: EarlyWarningWindow;
  /** First and last Beijing day of the window, both included. */
  @Matches(CIVIL_DATE) windowStart: string;
  @Matches(CIVIL_DATE) windowEnd: string;
  /** Grievances received in the window. */
  @IsInt() @Min(0) count: number;
  /** Mean and standard deviation of the daily count over the baseline days before the window. */
  @IsNumber() @Min(0) baselineMean: number;
  @IsNumber() @Min(0) baselineStddev: number;
  /** The count the window had to exceed. */
  @IsNumber() @Min(0) threshold: number;
  @IsISO8601() raisedAt: string;
}

export const EarlyWarningRaised = defineEvent('supervision.early_warning.raised', 1, EarlyWarningRaisedV1);
