import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';

/**
 * The agreement (调解协议书, 人民调解法 Art 29) as a caller sends it. Shapes and sizes are checked
 * here; completeness and signatures are the domain's (its codes reach the caller in `fields`).
 * Mediator and organisation come from the handoff; parties default to the handoff's.
 */
export class AgreementPartyInput {
  @Matches(/^[A-Za-z0-9_-]{1,60}$/) partyId: string;
  @IsString() @MaxLength(100) name: string;
  @IsIn(['applicant', 'respondent', 'third_party']) role: 'applicant' | 'respondent' | 'third_party';
}

export class AgreementPerformanceInput {
  /** 履行方式 */
  @IsString() @MaxLength(1000) manner: string;
  /** 履行期限: a date or instant. */
  @IsString() @MaxLength(40) deadline: string;
}

/** An electronic signature record is enough (在线调解规则 Art 19). */
export class AgreementSignatureInput {
  @Matches(/^[A-Za-z0-9_-]{1,60}$/) partyId: string;
  @IsISO8601() signedAt: string;
  @IsIn(['e_signature', 'handwritten', 'seal', 'fingerprint']) method: 'e_signature' | 'handwritten' | 'seal' | 'fingerprint';
}

export class AgreementInput {
  @IsOptional() @IsUUID() id?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AgreementPartyInput) parties?: AgreementPartyInput[];
  /** 纠纷的主要事实、争议事项 */
  @IsString() @MaxLength(10000) factsAndDispute: string;
  /** 各方当事人的责任 */
  @IsString() @MaxLength(5000) responsibilities: string;
  /** 调解协议的内容 */
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(2000, { each: true }) terms: string[];
  @ValidateNested() @Type(() => AgreementPerformanceInput) performance: AgreementPerformanceInput;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => AgreementSignatureInput) signatures: AgreementSignatureInput[];
}

export class HandoffConcludeAgreementCommand {
  @IsIn(['conclude_agreement']) type: 'conclude_agreement';
  @ValidateNested() @Type(() => AgreementInput) agreement: AgreementInput;
}
