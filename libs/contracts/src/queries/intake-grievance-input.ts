import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CHANNELS, CODE_PATTERN, TRACKING_CODE_PATTERN, type Channel } from '../common';
import { IsChinesePhone, IsResidentIdNumber } from '../identity';

// What a grievance is registered with, by any door: intake's REST API for channel adapters, its
// NATS command for the gateway, and Open311 (mapped). One class, so every door validates alike.

export class PetitionerInput {
  @IsString() @Length(1, 50) name: string;
  @IsOptional() @IsChinesePhone() phone?: string;
  @IsOptional() @IsResidentIdNumber() idNumber?: string;
  @IsOptional() @IsString() @Length(1, 200) address?: string;
}

/** What a clerk writes down from an oral petition (信访工作条例 第十九条: request, facts, reasons). */
export class OralStatement {
  @IsString() @Length(1, 2000) request: string;
  @IsString() @Length(1, 5000) facts: string;
  @IsString() @Length(1, 5000) reasons: string;
}

/** Where the matter is: WGS-84 degrees, and the address as told. */
export class LocationInput {
  @IsLatitude() lat: number;
  @IsLongitude() lng: number;
  @IsOptional() @IsString() @Length(1, 300) address?: string;
}

/** 信访工作条例 第二十条: a group sends at most five representatives. */
export const MAX_REPRESENTATIVES = 5;

/**
 * Levels of the organs that receive petitions, lowest first. A village has no petition organ of
 * its own, but its grid workers and mediation room do take matters in (网格员上报).
 */
export const RECEIVING_LEVELS = ['village', 'town', 'county', 'city', 'province'] as const;
export type ReceivingLevel = (typeof RECEIVING_LEVELS)[number];

/** What any channel adapter (or the gateway, for clerks) sends to register a grievance. */
export class RegisterGrievance {
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` }) channel: Channel;
  /** Absent for anonymous grievances. */
  @IsOptional() @ValidateNested() @Type(() => PetitionerInput) petitioner?: PetitionerInput;
  @Matches(CODE_PATTERN, { message: 'regionCode must be a region code' }) regionCode: string;
  @IsOptional() @Matches(CODE_PATTERN, { message: 'categoryCode must be a category code' }) categoryCode?: string;
  @IsString() @Length(5, 5000, { message: 'description must be 5 to 5000 characters' }) description: string;
  @IsOptional() @IsInt() @Min(1) @Max(100000) headcount?: number;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REPRESENTATIVES, { message: '群体访代表人数不得超过5人 (a group sends at most 5 representatives — 信访工作条例 第二十条)' })
  @ValidateNested({ each: true })
  @Type(() => PetitionerInput)
  representatives?: PetitionerInput[];
  @IsOptional() @ValidateNested() @Type(() => LocationInput) location?: LocationInput;
  /** Required for walk-in and video petitions, which a clerk records from what was said. */
  @IsOptional() @ValidateNested() @Type(() => OralStatement) statement?: OralStatement;
  /** Channel-specific fields (call id, receipt number, grid worker…); validated per channel later. */
  @IsOptional() @IsObject() channelDetails?: Record<string, string | number | boolean | null>;
  /**
   * 检举控告 (信访工作条例 第二十九、三十条): a report against officials. The reporter's identity is then
   * never shown to the handling unit. Routing's triage can also mark it later (discipline inspection).
   */
  @IsOptional() @IsBoolean() accusation?: boolean;
  /** The level of the organ that received it (a county petition bureau: county); decides 越级 (skip-level). */
  @IsOptional() @IsIn(RECEIVING_LEVELS, { message: `receivedAtLevel must be one of ${RECEIVING_LEVELS.join(', ')}` }) receivedAtLevel?: ReceivingLevel;
  /** When a letter arrived or a paper record was received (backfill); absent means now. Not in the future, not over a year ago. */
  @IsOptional() @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO 8601 date-time' }) receivedAt?: string;
}

/** The citizen's proof of ownership: the code and the secret handed out at submission. */
export class TrackingCredentials {
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
  @IsString() @Length(6, 32) secret: string;
}

export class WithdrawRequest extends TrackingCredentials {
  @IsString() @Length(1, 500) reason: string;
}
