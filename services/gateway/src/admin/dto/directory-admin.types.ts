import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CODE_PATTERN, ORGANISATION_KINDS, REGION_CODE_PATTERN, REGION_LEVELS, type OrganisationKindName, type RegionLevelName } from '@yikouban/contracts';

/** Upper-case GraphQL names for the wire values, as the other gateway enums. */
export const RegionLevelEnum: Record<string, RegionLevelName> = Object.fromEntries(REGION_LEVELS.map((l) => [l.toUpperCase(), l]));
export const OrganisationKindEnum: Record<string, OrganisationKindName> = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k.toUpperCase(), k]));
registerEnumType(RegionLevelEnum, { name: 'RegionLevel', description: '区划层级：市、县、镇街、村社区、网格 / city, county, town, village, grid' });
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind', description: '单位类别 / what kind of body an organisation is' });

@ObjectType('RegionNode', { description: '区划树的一个节点 / one region of the tree, with its children to the depth asked' })
export class RegionNodeGqlView {
  @Field() code: string;
  @Field() name: string;
  @Field(() => RegionLevelEnum) level: RegionLevelName;
  @Field(() => String, { nullable: true }) parentCode: string | null;
  @Field(() => Int, { description: '下级区划数（不论是否展开） / how many regions lie directly below' }) childCount: number;
  @Field(() => [RegionNodeGqlView], { description: '超出所请求深度时为空 / empty beyond the depth asked' }) children: RegionNodeGqlView[];
}

@ObjectType('DirectoryOrganisation', { description: '名录中的单位 / an organisation of the directory' })
export class DirectoryOrganisationGqlView {
  @Field() code: string;
  @Field() name: string;
  @Field() nameEn: string;
  @Field(() => OrganisationKindEnum) kind: OrganisationKindName;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true, description: '部门类型（分管职责），如 human_resources / the department type' }) departmentType: string | null;
  @Field({ description: '停用的单位不再接收交办 / a deactivated organisation receives no work' }) active: boolean;
}

@ArgsType()
export class RegionTreeArgs {
  @Field(() => String, { nullable: true, description: '缺省为最上层 / the top of the tree when omitted' }) @IsOptional() @Matches(REGION_CODE_PATTERN) rootCode?: string;
  @Field(() => Int, { defaultValue: 1, description: '展开的层数（0–5） / levels below the root to include' }) @IsInt() @Min(0) @Max(5) depth: number;
}

@InputType({ description: '单位筛选 / which organisations' })
export class OrganisationFilterInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(REGION_CODE_PATTERN) regionCode?: string;
  @Field({ defaultValue: false, description: '包括下级区划的单位 / include the regions below' }) @IsBoolean() withinRegion: boolean;
  @Field(() => OrganisationKindEnum, { nullable: true }) @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKindName;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE_PATTERN) departmentType?: string;
  @Field(() => String, { nullable: true, description: '名称或代码中的文字 / part of a name or the code' }) @IsOptional() @IsString() @Length(1, 50) search?: string;
  @Field({ defaultValue: false }) @IsBoolean() includeInactive: boolean;
}

@ArgsType()
export class OrganisationsArgs {
  @Field(() => OrganisationFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OrganisationFilterInput) filter?: OrganisationFilterInput;
}

@InputType({ description: '新增区划：代码须延伸上级代码 / a new region; its code extends its parent’s' })
export class CreateRegionInput {
  @Field() @Matches(REGION_CODE_PATTERN) code: string;
  @Field() @IsString() @Length(1, 60) name: string;
  @Field() @Matches(REGION_CODE_PATTERN) parentCode: string;
  @Field(() => RegionLevelEnum, { nullable: true, description: '缺省为上级的下一层 / the level below the parent’s when omitted' }) @IsOptional() @IsIn(REGION_LEVELS) level?: RegionLevelName;
}

@ArgsType()
export class CreateRegionArgs {
  @Field(() => CreateRegionInput) @ValidateNested() @Type(() => CreateRegionInput) input: CreateRegionInput;
}

@ArgsType()
export class RenameRegionArgs {
  @Field() @Matches(REGION_CODE_PATTERN) code: string;
  @Field() @IsString() @Length(1, 60) name: string;
}

@InputType({ description: '新增单位 / a new organisation' })
export class CreateOrganisationInput {
  @Field() @Matches(CODE_PATTERN) code: string;
  @Field({ description: '中文名称 / Chinese name' }) @IsString() @Length(1, 100) name: string;
  @Field({ description: '英文名称 / English name' }) @IsString() @Length(1, 200) nameEn: string;
  @Field(() => OrganisationKindEnum) @IsIn(ORGANISATION_KINDS) kind: OrganisationKindName;
  @Field() @Matches(REGION_CODE_PATTERN) regionCode: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE_PATTERN) departmentType?: string;
}

@InputType({ description: '修改单位（只改给出的字段；departmentType 传 null 清除） / only the fields given change' })
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) nameEn?: string;
  @Field(() => OrganisationKindEnum, { nullable: true }) @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKindName;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(REGION_CODE_PATTERN) regionCode?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @Matches(CODE_PATTERN) departmentType?: string | null;
}

@ArgsType()
export class CreateOrganisationArgs {
  @Field(() => CreateOrganisationInput) @ValidateNested() @Type(() => CreateOrganisationInput) input: CreateOrganisationInput;
}

@ArgsType()
export class UpdateOrganisationArgs {
  @Field() @Matches(CODE_PATTERN) code: string;
  @Field(() => UpdateOrganisationInput) @ValidateNested() @Type(() => UpdateOrganisationInput) input: UpdateOrganisationInput;
}

@ArgsType()
export class DeactivateOrganisationArgs {
  @Field() @Matches(CODE_PATTERN) code: string;
  @Field({ description: '停用原因 / why' }) @IsString() @Length(1, 1000) reason: string;
}
