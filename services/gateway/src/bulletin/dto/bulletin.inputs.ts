import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  BULLETIN_KINDS,
  CIVIL_DATE_PATTERN,
  CODE_PATTERN,
  EARLY_WARNING_STATES,
  LEDGER_FORMATS,
  LEDGER_SHEETS,
  type BulletinKind,
  type EarlyWarningState,
  type LedgerFormat,
  type LedgerSheet,
} from '@yikouban/contracts';
import { BulletinKindEnum, EarlyWarningStateEnum, LedgerFormatEnum, LedgerSheetEnum } from './bulletin.enums';

@InputType({ description: '苗头预警筛选 / early-warning filter' })
export class EarlyWarningFilter {
  @Field({ nullable: true, description: '区域（含下级）/ region subtree' }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @Field(() => EarlyWarningStateEnum, { nullable: true }) @IsOptional() @IsIn(EARLY_WARNING_STATES) state?: EarlyWarningState;
  @Field(() => Int, { nullable: true, description: '每页条数（最多200）/ page size' }) @IsOptional() @IsInt() @Min(1) @Max(200) first?: number;
  @Field({ nullable: true, description: '上一页的 nextCursor / the previous page’s cursor' }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class AcknowledgeEarlyWarningArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true, description: '处置说明 / what is being done' }) @IsOptional() @IsString() @Length(1, 500) note?: string;
}

@ArgsType()
export class BulletinsArgs {
  @Field(() => BulletinKindEnum, { nullable: true }) @IsOptional() @IsIn(BULLETIN_KINDS) kind?: BulletinKind;
  @Field(() => Int, { nullable: true, description: '每页条数（最多100）/ page size' }) @IsOptional() @IsInt() @Min(1) @Max(100) first?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) after?: string;
}

@ArgsType()
export class GenerateBulletinArgs {
  @Field(() => BulletinKindEnum) @IsIn(BULLETIN_KINDS) kind: BulletinKind;
  @Field({ description: '期间首日 YYYY-MM-DD（周一、1日或16日、1日）/ first day of the period' })
  @Matches(CIVIL_DATE_PATTERN, { message: 'periodStart must be a date YYYY-MM-DD' })
  periodStart: string;
}

@ArgsType()
export class BulletinLedgerArgs {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => LedgerFormatEnum) @IsIn(LEDGER_FORMATS) format: LedgerFormat;
  @Field(() => LedgerSheetEnum, { nullable: true, description: '仅 CSV：指标（默认）或超期清单 / CSV only' }) @IsOptional() @IsIn(LEDGER_SHEETS) sheet?: LedgerSheet;
}
