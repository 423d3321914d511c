import { ArgsType, Field, GraphQLISODateTime } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsIn, IsOptional, Matches } from 'class-validator';
import {
  CODE_PATTERN,
  MEDIATION_HANDOFF_KINDS,
  MEDIATION_ORGANISATION_KINDS,
  MEDIATION_SPECIALITIES,
  type MediationHandoffKind,
  type MediationOrganisationKindName,
  type MediationSpeciality,
} from '@yikouban/contracts';
import { HandoffKindEnum, OrganisationKindEnum, SpecialityEnum } from './mediation.enums';

@ArgsType()
export class MediationStatsArgs {
  @Field(() => GraphQLISODateTime, { description: '期间起（含） / period start, inclusive' }) @IsDate() from: Date;
  @Field(() => GraphQLISODateTime, { description: '期间止（不含） / period end, exclusive' }) @IsDate() to: Date;
  @Field(() => HandoffKindEnum, { nullable: true }) @IsOptional() @IsIn(MEDIATION_HANDOFF_KINDS) kind?: MediationHandoffKind;
  @Field(() => String, { nullable: true, description: '调解组织 / the receiving organisation' }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field(() => String, { nullable: true, description: '区划，含下级 / region and the regions under it' }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
}

@ArgsType()
export class MediationOrganisationsArgs {
  @Field(() => OrganisationKindEnum, { nullable: true }) @IsOptional() @IsIn(MEDIATION_ORGANISATION_KINDS) kind?: MediationOrganisationKindName;
  @Field(() => String, { nullable: true, description: '区划，含下级 / region and the regions under it' }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @Field(() => SpecialityEnum, { nullable: true }) @IsOptional() @IsIn(MEDIATION_SPECIALITIES) speciality?: MediationSpeciality;
}

@ArgsType()
export class MediatorsArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field(() => SpecialityEnum, { nullable: true }) @IsOptional() @IsIn(MEDIATION_SPECIALITIES) speciality?: MediationSpeciality;
  @Field(() => Boolean, { nullable: true, description: '含已停用 / include inactive mediators' }) @IsOptional() @IsBoolean() includeInactive?: boolean;
}
