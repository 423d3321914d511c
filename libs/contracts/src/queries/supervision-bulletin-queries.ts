import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import type { EarlyWarningWindow } from '../events/supervision-early-warning';
import { CIVIL_DATE_PATTERN, type IndicatorRow } from './supervision-board-queries';

// ── 苗头预警 (early warning) ──────────────────────────────────────────────────────────────

export const EARLY_WARNING_STATES = ['open', 'acknowledged'] as const;
export type EarlyWarningState = (typeof EARLY_WARNING_STATES)[number];

/** Alerts, newest first, in a region subtree and/or of one category; keyset-paginated. */
export class EarlyWarningQuery {
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @IsOptional() @IsIn(EARLY_WARNING_STATES) state?: EarlyWarningState;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  /** The nextCursor of the previous page. */
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export interface EarlyWarningView {
  alertId: string;
  regionCode: string;
  categoryCode: string;
  window: EarlyWarningWindow;
  windowStart: string;
  windowEnd: string;
  count: number;
  baselineMean: number;
  baselineStddev: number;
  threshold: number;
  raisedAt: string;
  state: EarlyWarningState;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  note: string | null;
}

export interface EarlyWarningPage {
  items: EarlyWarningView[];
  nextCursor: string | null;
}

/** The command centre has seen the alert (and says what it does about it). Repeating it changes nothing. */
export class AcknowledgeEarlyWarning {
  @IsUUID() alertId: string;
  @IsString() @Length(1, 100) userId: string;
  @IsOptional() @IsString() @Length(1, 500) note?: string;
}

// ── 通报 (bulletins) and 台账 (ledgers) ─────────────────────────────────────────────────────

/** 一天一通报、一周一通报、半月一通报、一月一通报. */
export const BULLETIN_KINDS = ['daily', 'weekly', 'half_monthly', 'monthly'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

export class BulletinListQuery {
  @IsOptional() @IsIn(BULLETIN_KINDS) kind?: BulletinKind;
  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/**
 * Generate (or, while the period is still running, refresh) the bulletin of one period. The
 * period starts on `periodStart` (a Beijing date): any day for daily, a Monday for weekly, the 1st
 * or the 16th for half-monthly, the 1st for monthly. A finished period's bulletin never changes.
 */
export class GenerateBulletin {
  @IsIn(BULLETIN_KINDS) kind: BulletinKind;
  @Matches(CIVIL_DATE_PATTERN, { message: 'periodStart must be a date YYYY-MM-DD' }) periodStart: string;
  /** Who asked (for the record); the schedule leaves it out. */
  @IsOptional() @IsString() @Length(1, 100) requestedBy?: string;
}

export class BulletinByIdQuery {
  @IsUUID() bulletinId: string;
}

/** An overdue clock as the bulletin names it (no personal information). */
export interface BulletinOverdueItem {
  trackingCode: string | null;
  step: string;
  dueAt: string;
  escalationLevel: number;
  escalatedTo: string | null;
  regionCode: string | null;
  orgCode: string | null;
  categoryCode: string | null;
}

export interface BulletinView {
  bulletinId: string;
  kind: BulletinKind;
  /** First and last Beijing day of the period, both included. */
  periodStart: string;
  periodEnd: string;
  /** False while the period is still running (an on-demand bulletin); such a bulletin is refreshed later. */
  complete: boolean;
  generatedAt: string;
  totals: IndicatorRow;
  regions: IndicatorRow[];
  units: IndicatorRow[];
  /** Categories with the most grievances received in the period, most first. */
  topCategories: IndicatorRow[];
  /** Clocks past their deadline when the bulletin was made (at most OVERDUE_LIST_MAX of them). */
  overdue: BulletinOverdueItem[];
  overdueTotal: number;
}

export interface BulletinPage {
  items: BulletinView[];
  nextCursor: string | null;
}

export const LEDGER_FORMATS = ['csv', 'xlsx'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];
/** CSV holds one table: the indicator rows, or the overdue list. XLSX holds both as sheets. */
export const LEDGER_SHEETS = ['indicators', 'overdue'] as const;
export type LedgerSheet = (typeof LEDGER_SHEETS)[number];

export class BulletinLedgerQuery {
  @IsUUID() bulletinId: string;
  @IsIn(LEDGER_FORMATS) format: LedgerFormat;
  @IsOptional() @IsIn(LEDGER_SHEETS) sheet?: LedgerSheet;
}

/** A ledger file, base64 so it crosses NATS and GraphQL as text. */
export interface LedgerFile {
  filename: string;
  contentType: string;
  bytes: number;
  base64: string;
}

export const SupervisionListEarlyWarnings = defineQuery<EarlyWarningQuery, EarlyWarningPage>('supervision.early_warning.list', EarlyWarningQuery);
export const SupervisionAcknowledgeEarlyWarning = defineQuery<AcknowledgeEarlyWarning, EarlyWarningView>('supervision.early_warning.acknowledge', AcknowledgeEarlyWarning);
export const SupervisionListBulletins = defineQuery<BulletinListQuery, BulletinPage>('supervision.bulletin.list', BulletinListQuery);
export const SupervisionGetBulletin = defineQuery<BulletinByIdQuery, BulletinView>('supervision.bulletin.get', BulletinByIdQuery);
export const SupervisionGenerateBulletin = defineQuery<GenerateBulletin, BulletinView>('supervision.bulletin.generate', GenerateBulletin);
export const SupervisionBulletinLedger = defineQuery<BulletinLedgerQuery, LedgerFile>('supervision.bulletin.ledger', BulletinLedgerQuery);
