import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';

/** A Beijing civil date, YYYY-MM-DD. */
export const CIVIL_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const BOARD_KINDS = ['overdue', 'near_overdue', 'all'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/**
 * 超期 / 临期 board: clocks past their deadline, or past their first warning share and still
 * running, in a region subtree and/or of one unit; most urgent first, keyset-paginated.
 */
export class OverdueBoardQuery {
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsOptional() @IsIn(BOARD_KINDS) kind?: BoardKind;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  /** The nextCursor of the previous page. */
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export interface BoardItem {
  clockId: string;
  grievanceId: string;
  trackingCode: string | null;
  step: string;
  policyCode: string;
  state: 'running' | 'paused' | 'breached';
  kind: 'overdue' | 'near_overdue';
  startedAt: string;
  dueAt: string;
  /** Share of the time used at the moment of the query (1 = the deadline). */
  shareUsed: number;
  warningsSent: number;
  escalationLevel: number;
  escalatedTo: string | null;
  regionCode: string | null;
  orgCode: string | null;
  categoryCode: string | null;
}

export interface OverdueBoardPage {
  items: BoardItem[];
  nextCursor: string | null;
  /** Totals for the whole filter, not just this page. */
  overdue: number;
  nearOverdue: number;
}

/** A clock of one grievance with its warnings (临期提醒), escalation (督办升级) and every change with its cause. */
export interface CaseDeadline {
  clockId: string;
  step: string;
  policyCode: string;
  state: 'running' | 'paused' | 'stopped' | 'breached';
  startedAt: string;
  dueAt: string;
  stoppedAt: string | null;
  warnShares: number[];
  warningsSent: number;
  escalationLevel: number;
  escalatedTo: string | null;
  nextAlarmAt: string | null;
  history: { at: string; change: string; cause: string }[];
}

export class CaseDeadlinesQuery {
  @IsUUID() grievanceId: string;
}

export const INDICATOR_GROUPS = ['none', 'region', 'unit', 'category'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/**
 * Indicators for a period of Beijing dates (both ends included, at most 366 days), filtered by a
 * region subtree, a unit and a category, optionally grouped. `region` groups one level below the
 * filter's region (county → towns → villages).
 */
export class IndicatorQuery {
  @Matches(CIVIL_DATE_PATTERN, { message: 'from must be a date YYYY-MM-DD' }) from: string;
  @Matches(CIVIL_DATE_PATTERN, { message: 'to must be a date YYYY-MM-DD' }) to: string;
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @IsOptional() @IsIn(INDICATOR_GROUPS) groupBy?: IndicatorGroup;
}

export interface IndicatorCounts {
  received: number;
  repeats: number;
  assigned: number;
  responded: number;
  replied: number;
  repliedOnTime: number;
  /** Replies after the handling deadline; replies without a handling clock count in neither. */
  repliedLate: number;
  evaluated: number;
  satisfied: number;
  basicallySatisfied: number;
  notSatisfied: number;
  resolved: number;
  closed: number;
  /** Clocks that ran out in the period (超期件数). */
  breached: number;
}

/** Shares in [0, 1]; null when nothing was there to count. */
export interface IndicatorRates {
  /** 响应率: lead assignments signed for (or answered) / lead assignments made. */
  responseRate: number | null;
  /** 解决率: evaluations saying the problem is solved / evaluations. */
  resolutionRate: number | null;
  /** 满意率: (satisfied + basically satisfied) / evaluations. */
  satisfactionRate: number | null;
  /** 按期办结率: replies by the handling deadline / replies measured against one. */
  onTimeRate: number | null;
  /** 重复信访率: repeat grievances / grievances received. */
  repeatRate: number | null;
}

export interface IndicatorRow {
  /** The group's region, unit or category code; null for groupBy none (or unknown). */
  key: string | null;
  counts: IndicatorCounts;
  rates: IndicatorRates;
  /** Open grievances now (积存), whatever the period. */
  backlog: number;
}

export const SupervisionOverdueBoard = defineQuery<OverdueBoardQuery, OverdueBoardPage>('supervision.board.overdue', OverdueBoardQuery);
export const SupervisionCaseDeadlines = defineQuery<CaseDeadlinesQuery, CaseDeadline[]>('supervision.deadline.list', CaseDeadlinesQuery);
export const SupervisionIndicators = defineQuery<IndicatorQuery, IndicatorRow[]>('supervision.indicators.get', IndicatorQuery);
