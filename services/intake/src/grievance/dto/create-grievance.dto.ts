import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CHANNELS, CODE_PATTERN, type Channel } from '@yikouban/contracts';
import { IsChinesePhone, IsResidentIdNumber } from '../../petitioner/identity-validators';

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

/** What any channel adapter (or the gateway, for clerks) sends to register a grievance. */
export class CreateGrievanceDto {
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
}
