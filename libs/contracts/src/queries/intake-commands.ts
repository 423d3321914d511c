import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CHANNELS, CODE_PATTERN, GRIEVANCE_STATUSES, type Channel, type GrievanceStatus } from '../common';
import { defineQuery } from '../contract';
import { ByGrievanceId, type GrievanceSummary } from './grievance-queries';
import { RegisterGrievance, TrackingCredentials, WithdrawRequest, type ReceivingLevel } from './intake-grievance-input';

// Intake's request/reply commands and queries for the gateway: register, read (masked), list,
// the citizen's tracking door, duplicates, and the audited unmasked read of a petitioner.

/** Most a page may hold; keyset pagination on (receivedAt, id), newest first. */
export const MAX_PAGE_SIZE = 100;

/** Who asks for an unmasked read: the gateway passes the signed-in staff user. */
export class IntakeCaller {
  @IsString() @Length(1, 100) userId: string;
  /** A gateway role name (reception_clerk, command_operator, unit_staff, …). */
  @Matches(/^[a-z_]{1,40}$/) role: string;
  @Matches(CODE_PATTERN) orgCode: string;
}

export class GetGrievanceById {
  @IsUUID() grievanceId: string;
  /** The viewer's role: a unit (unit_staff) never sees who reported an official, not even masked (Art 30). */
  @IsOptional() @Matches(/^[a-z_]{1,40}$/) viewerRole?: string;
}

/** Filters of the grievance list; every one optional, all combined with AND. */
export class GrievanceFilter {
  @IsOptional() @IsArray() @ArrayMaxSize(GRIEVANCE_STATUSES.length) @IsIn(GRIEVANCE_STATUSES, { each: true }) status?: GrievanceStatus[];
  @IsOptional() @IsArray() @ArrayMaxSize(CHANNELS.length) @IsIn(CHANNELS, { each: true }) channel?: Channel[];
  /** The region and everything under it (codes nest by prefix: county 330621, town 330621101…). */
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @IsOptional() @IsISO8601() receivedFrom?: string;
  /** Exclusive. */
  @IsOptional() @IsISO8601() receivedTo?: string;
  /** true: repeats only (重复信访); false: first-time only. */
  @IsOptional() @IsBoolean() repeat?: boolean;
  @IsOptional() @IsBoolean() skipLevel?: boolean;
  @IsOptional() @IsBoolean() collective?: boolean;
}

export class ListGrievances extends GrievanceFilter {
  /** The caller's own region subtree: applied on top of the filter's regionCode. */
  @IsOptional() @Matches(CODE_PATTERN) scopeRegionCode?: string;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) first?: number;
  /** The endCursor of the previous page. */
  @IsOptional() @IsString() @MaxLength(200) after?: string;
  @IsOptional() @Matches(/^[a-z_]{1,40}$/) viewerRole?: string;
}

export class MergeGrievances {
  /** The primary grievance, which stays open. */
  @IsUUID() keepId: string;
  /** The duplicate: kept as a record, linked to the primary. */
  @IsUUID() mergeId: string;
}

export class RevealPetitioner {
  @IsUUID() grievanceId: string;
  @ValidateNested() @Type(() => IntakeCaller) caller: IntakeCaller;
  /** Why the identity is needed (e.g. 回访核实身份): kept in the audit record. */
  @IsString() @Length(4, 500, { message: 'reason must say why, in 4 to 500 characters' }) reason: string;
}

/** A petitioner as staff see them by default: `高*国`, `138****0000`, `110***********1234`. */
export interface MaskedPetitioner {
  name: string;
  phone: string | null;
  idNumber: string | null;
}

export interface SkipLevelView {
  receivedAtLevel: ReceivingLevel;
  /** The level that should have received it first (逐级走访). */
  competentLevel: ReceivingLevel;
  competentRegionCode: string;
  /** Policy `redirect`: the petitioner was told to go to the competent level. */
  redirected: boolean;
}

/** One grievance as staff see it: identity masked, flags derived at intake. */
export interface GrievanceRecord extends GrievanceSummary {
  description: string;
  receivedAtLevel: ReceivingLevel | null;
  skipLevel: SkipLevelView | null;
  /** 检举控告: the reporter's identity is withheld from the handling unit. */
  accusation: boolean;
  anonymous: boolean;
  /** null when anonymous, or withheld from this viewer (`petitionerWithheld`). */
  petitioner: MaskedPetitioner | null;
  petitionerWithheld: boolean;
  representatives: MaskedPetitioner[];
  mergedInto: string | null;
}

export interface GrievanceEdge {
  cursor: string;
  node: GrievanceRecord;
}

export interface GrievancePage {
  edges: GrievanceEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface RegisteredGrievance {
  id: string;
  trackingCode: string;
  /** Shown to the citizen once, with the tracking code; only its hash is kept. */
  secret: string;
  status: 'received';
  receivedAt: string;
  firstTime: boolean;
  repeatOf: string | null;
  skipLevel: SkipLevelView | null;
}

export interface TimelineEntryView {
  at: string;
  kind: string;
  detail: Record<string, string | number | boolean | null>;
}

/** What a citizen holding the code and secret may see: public facts only, no identity, no staff. */
export interface CitizenTrackingView {
  trackingCode: string;
  status: string;
  channel: string;
  receivedAt: string;
  leadUnitName: string | null;
  dueAt: string | null;
  timeline: TimelineEntryView[];
}

export interface DuplicateSuggestionView {
  id: string;
  trackingCode: string;
  distanceMetres: number | null;
  similarity: number;
  reasons: ('nearby' | 'similar_text')[];
}

export interface UnmaskedPerson {
  name: string;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
}

/** The decrypted identity; the read is already in the audit log (auditId). */
export interface RevealedPetitioner {
  grievanceId: string;
  auditId: string;
  anonymous: boolean;
  petitioner: UnmaskedPerson | null;
  representatives: UnmaskedPerson[];
  revealedAt: string;
}

export const IntakeRegisterGrievance = defineQuery<RegisterGrievance, RegisteredGrievance>('intake.grievance.register', RegisterGrievance);
export const IntakeGetGrievanceById = defineQuery<GetGrievanceById, GrievanceRecord>('intake.grievance.get_by_id', GetGrievanceById);
export const IntakeListGrievances = defineQuery<ListGrievances, GrievancePage>('intake.grievance.list', ListGrievances);
export const IntakeTrackGrievance = defineQuery<TrackingCredentials, CitizenTrackingView>('intake.tracking.view', TrackingCredentials);
export const IntakeWithdrawGrievance = defineQuery<WithdrawRequest, CitizenTrackingView>('intake.tracking.withdraw', WithdrawRequest);
export const IntakeSuggestDuplicates = defineQuery<ByGrievanceId, DuplicateSuggestionView[]>('intake.duplicate.suggest', ByGrievanceId);
export const IntakeMergeGrievances = defineQuery<MergeGrievances, { id: string; mergedInto: string }>('intake.duplicate.merge', MergeGrievances);
/** FORBIDDEN for unit_staff on a 检举控告 (信访工作条例 第三十条); every answer is audited. */
export const IntakeRevealPetitioner = defineQuery<RevealPetitioner, RevealedPetitioner>('intake.petitioner.reveal', RevealPetitioner);
