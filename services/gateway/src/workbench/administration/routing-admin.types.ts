import { ArgsType, Field, Float, GraphQLISODateTime, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  CODE_PATTERN,
  COMPLEXITIES,
  MATTER_CLASSES,
  RULE_ID_PATTERN,
  STATUTORY_PATHS,
  WARNING_COLOURS,
  type Complexity,
  type MatterClassName,
  type StatutoryPath,
  type WarningColour,
} from '@yikouban/contracts';
import { ActingUserView } from '../dto/workbench.views';
import { ComplexityEnum, MatterClassEnum, StatutoryPathEnum, WarningColourEnum } from '../dto/workbench.enums';

/** The classification list and the routing rules as administrators read and publish them. */

@ObjectType('ClassificationCategory', { description: '依法分类处理清单中的一类 / one category of the classification list' })
export class CategoryView {
  @Field() code: string;
  @Field() name: string;
  @Field() nameEn: string;
  @Field(() => MatterClassEnum) matterClass: MatterClassName;
  @Field(() => [StatutoryPathEnum], { description: '法定途径，按优先顺序；信访只能在最后（信访兜底） / in priority order, petition last' }) statutoryPaths: StatutoryPath[];
  @Field({ description: '牵头部门类型，如 human_resources / the lead department type' }) leadDepartmentType: string;
  @Field(() => [String]) coDepartmentTypes: string[];
  @Field({ description: '属地管理：由镇街牵头 / the town government leads' }) handledAtTownLevel: boolean;
  @Field(() => [String], { description: '法律法规和政策依据 / laws and policy clauses' }) laws: string[];
  @Field(() => ComplexityEnum) defaultComplexity: Complexity;
  @Field(() => WarningColourEnum) defaultColour: WarningColour;
  @Field(() => [String], { description: '智能分类用的关键词 / words that suggest it' }) keywords: string[];
}

@ObjectType('RoutingRule', { description: '分流规则：类别 × 区域 × 规模 → 主办、协办 / category × region × scale → lead and co-units' })
export class RoutingRuleView {
  @Field() id: string;
  @Field(() => Int) version: number;
  @Field() categoryCode: string;
  @Field({ description: '适用区域（及其下级，兜底） / the region, and below it failing a nearer rule' }) regionCode: string;
  @Field(() => Int, { nullable: true }) minHeadcount?: number;
  @Field(() => Float, { nullable: true }) minAmountYuan?: number;
  @Field({ description: '仅群体性事项 / collective matters only' }) collectiveOnly: boolean;
  @Field() leadUnitCode: string;
  @Field(() => [String]) coUnitCodes: string[];
  @Field(() => Int) priority: number;
}

@ObjectType('RoutingPublication', { description: '一个版本：谁、何时、基于哪版、为何发布 / one published version' })
export class PublicationGqlView {
  @Field(() => Int) version: number;
  @Field(() => Int, { nullable: true }) basedOn: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '种子数据为空 / null for the seeded version' }) publishedAt: Date | null;
  @Field(() => ActingUserView, { nullable: true }) publishedBy: ActingUserView | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field({ description: '现行版本 / the version in force' }) current: boolean;
  @Field(() => Int, { description: '类别数或规则数 / categories or rules in it' }) size: number;
}

@ObjectType('ClassificationList', { description: '依法分类处理清单的一个版本 / one version of the classification list' })
export class ClassificationListGqlView extends PublicationGqlView {
  @Field(() => [CategoryView]) categories: CategoryView[];
}

@ObjectType('RoutingRuleSet', { description: '分流规则的一个版本 / one version of the routing rules' })
export class RuleSetGqlView extends PublicationGqlView {
  @Field(() => [RoutingRuleView]) rules: RoutingRuleView[];
}

@ArgsType()
export class VersionArgs {
  @Field(() => Int, { nullable: true, description: '缺省为现行版本 / the version in force when omitted' })
  @IsOptional() @IsInt() @Min(1) version?: number;
}

@ArgsType()
export class RuleSetArgs extends VersionArgs {
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @Field(() => String, { nullable: true, description: '只看设在该区域的规则 / rules set at this region only' }) @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
}

@InputType({ description: '一类的完整定义（按 code 新增或替换） / a whole category, added or replaced by code' })
export class CategoryInput {
  @Field() @Matches(CODE_PATTERN) code: string;
  @Field() @IsString() @Length(1, 100) name: string;
  @Field() @IsString() @Length(1, 200) nameEn: string;
  @Field(() => MatterClassEnum) @IsIn(MATTER_CLASSES) matterClass: MatterClassName;
  @Field(() => [StatutoryPathEnum]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsIn(STATUTORY_PATHS, { each: true }) statutoryPaths: StatutoryPath[];
  @Field() @Matches(CODE_PATTERN) leadDepartmentType: string;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(10) @Matches(CODE_PATTERN, { each: true }) coDepartmentTypes: string[];
  @Field({ defaultValue: false }) @IsBoolean() handledAtTownLevel: boolean;
  @Field(() => [String]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 300, { each: true }) laws: string[];
  @Field(() => ComplexityEnum) @IsIn(COMPLEXITIES) defaultComplexity: Complexity;
  @Field(() => WarningColourEnum) @IsIn(WARNING_COLOURS) defaultColour: WarningColour;
  @Field(() => [String]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) @Length(1, 30, { each: true }) keywords: string[];
}

@InputType({ description: '一条规则（按 id 新增或替换） / a whole rule, added or replaced by id' })
export class RoutingRuleInput {
  @Field() @Matches(RULE_ID_PATTERN) id: string;
  @Field() @Matches(CODE_PATTERN) categoryCode: string;
  @Field() @Matches(CODE_PATTERN) regionCode: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) minHeadcount?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) minAmountYuan?: number;
  @Field({ defaultValue: false }) @IsBoolean() collectiveOnly: boolean;
  @Field() @Matches(CODE_PATTERN) leadUnitCode: string;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(20) @Matches(CODE_PATTERN, { each: true }) coUnitCodes: string[];
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(-1000) @Max(1000) priority: number;
}

@InputType()
export class PublishClassificationListInput {
  @Field(() => Int, { description: '所编辑的现行版本；他人已发布新版时拒绝（CONFLICT） / the version edited; CONFLICT if another was published since' })
  @IsInt() @Min(0) basedOnVersion: number;
  @Field({ description: '修订说明 / what changed and why' }) @IsString() @Length(1, 1000) note: string;
  @Field(() => [CategoryInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CategoryInput) upsert: CategoryInput[];
  @Field(() => [String], { defaultValue: [], description: '删除的类别代码 / codes of categories to remove' }) @IsArray() @ArrayMaxSize(200) @Matches(CODE_PATTERN, { each: true }) remove: string[];
}

@InputType()
export class PublishRoutingRulesInput {
  @Field(() => Int, { description: '所编辑的现行版本 / the version edited' }) @IsInt() @Min(0) basedOnVersion: number;
  @Field({ description: '修订说明 / what changed and why' }) @IsString() @Length(1, 1000) note: string;
  @Field(() => [RoutingRuleInput], { defaultValue: [] }) @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => RoutingRuleInput) upsert: RoutingRuleInput[];
  @Field(() => [String], { defaultValue: [], description: '删除的规则 id / ids of rules to remove' }) @IsArray() @ArrayMaxSize(1000) @Matches(RULE_ID_PATTERN, { each: true }) remove: string[];
}

@ArgsType()
export class PublishClassificationListArgs {
  @Field(() => PublishClassificationListInput) @ValidateNested() @Type(() => PublishClassificationListInput) input: PublishClassificationListInput;
}

@ArgsType()
export class PublishRoutingRulesArgs {
  @Field(() => PublishRoutingRulesInput) @ValidateNested() @Type(() => PublishRoutingRulesInput) input: PublishRoutingRulesInput;
}
