import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CHANNELS, CODE_PATTERN, type Channel } from '@yikouban/contracts';
import { IsChinesePhone, IsResidentIdNumber } from '../../petitioner/identity-validators';

export class PetitionerInput {
  @IsString() @Length(1, 50) name: string;
  @IsOptional() @IsChinesePhone() phone?: string;
  @IsOptional() @IsResidentIdNumber() idNumber?: string;
}

/** What any channel adapter (or the gateway, for clerks) sends to register a grievance. */
export class CreateGrievanceDto {
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` }) channel: Channel;
  /** Absent for anonymous grievances. */
  @IsOptional() @ValidateNested() @Type(() => PetitionerInput) petitioner?: PetitionerInput;
  @Matches(CODE_PATTERN, { message: 'regionCode must be a region code' }) regionCode: string;
  @IsOptional() @Matches(CODE_PATTERN, { message: 'categoryCode must be a category code' }) categoryCode?: string;
  @IsString() @Length(5, 5000, { message: 'description must be 5 to 5000 characters' }) description: string;
  @IsOptional() @IsInt() @Min(1) @Max(100000) headcount?: number;
  /** Channel-specific fields (call id, receipt number, grid worker…); validated per channel later. */
  @IsOptional() @IsObject() channelDetails?: Record<string, string | number | boolean | null>;
}
