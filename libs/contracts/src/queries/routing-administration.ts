import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { RoutingActor } from '../events/routing-assignment-common';
import { COMPLEXITIES, STATUTORY_PATHS, WARNING_COLOURS, type Complexity, type StatutoryPath, type WarningColour } from '../events/routing-grievance-triaged';

/**
 * Administration of the 依法分类处理清单 and the routing rules. Both are versioned: publishing
 * makes a new version from the current one plus changes; old versions stay, and every triage
 * decision and assignment keeps the version that made it. Refusals: BAD_REQUEST with every
 * problem in `fields`, CONFLICT `stale_version` when another administrator published first.
 */

/** 建议意见 / 检举控告 / 申诉求决 (信访工作条例 第二十九至三十一条). */
export const MATTER_CLASSES = ['suggestion', 'accusation', 'claim'] as const;
export type MatterClassName = (typeof MATTER_CLASSES)[number];

/** Rule ids as the default builder makes them, e.g. `wage_arrears@330621:collective`. */
export const RULE_ID_PATTERN = /^[a-z0-9_][a-z0-9_@:.-]{0,99}$/;

/** One line of the classification list, as stored and as an administrator writes it. */
export class CategoryDefinition {
  @Matches(CODE_PATTERN) code: string;
  @IsString() @Length(1, 100) name: string;
  @IsString() @Length(1, 200) nameEn: string;
  @IsIn(MATTER_CLASSES) matterClass: MatterClassName;
  /** In priority order (法定优先); petition only last. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsIn(STATUTORY_PATHS, { each: true }) statutoryPaths: StatutoryPath[];
  /** A department type of the directory (分管职责), e.g. human_resources; routing checks it is known. */
  @Matches(CODE_PATTERN) leadDepartmentType: string;
  @IsArray() @ArrayMaxSize(10) @Matches(CODE_PATTERN, { each: true }) coDepartmentTypes: string[];
  /** The town government leads (属地管理), with the county department behind it. */
  @IsBoolean() handledAtTownLevel: boolean;
  /** Laws and policy clauses, each starting with its title in 《》. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 300, { each: true }) laws: string[];
  @IsIn(COMPLEXITIES) defaultComplexity: Complexity;
  @IsIn(WARNING_COLOURS) defaultColour: WarningColour;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsString({ each: true }) @Length(1, 30, { each: true }) keywords: string[];
}

/** One routing rule: category × region × scale → lead and co-handling units. The version is the set's. */
export class RoutingRuleDefinition {
  @Matches(RULE_ID_PATTERN) id: string;
  @Matches(CODE_PATTERN) categoryCode: string;
  @Matches(CODE_PATTERN) regionCode: string;
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000) minHeadcount?: number;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) minAmountYuan?: number;
  @IsOptional() @IsBoolean() collectiveOnly?: boolean;
  @Matches(CODE_PATTERN) leadOrgCode: string;
  @IsArray() @ArrayMaxSize(20) @Matches(CODE_PATTERN, { each: true }) coOrgCodes: string[];
  @IsInt() @Min(-1000) @Max(1000) priority: number;
}

/** Who published a version, when, from which, and why. */
export interface PublicationView {
  version: number;
  /** The version it was made from; null for the first. */
  basedOn: number | null;
  /** null for the version the seed loaded. */
  publishedAt: string | null;
  publishedBy: { userId: string; orgCode: string } | null;
  note: string | null;
  /** The version routing uses now. */
  current: boolean;
  /** Categories in the list, or rules in the set. */
  size: number;
}

export interface ClassificationListView extends PublicationView {
  categories: CategoryDefinition[];
}

export interface RuleSetView extends PublicationView {
  rules: (RoutingRuleDefinition & { version: number })[];
}

export class GetClassificationList {
  /** Omitted: the current version. */
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ListPublications {
  @IsOptional() @IsIn([1]) v?: 1;
}

export class GetRuleSet {
  @IsOptional() @IsInt() @Min(1) version?: number;
  @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  /** Only the rules set at this region (not its subtree). */
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
}

class PublishCommand {
  @IsOptional() @IsIn([1]) v?: 1;
  /** The current version the administrator edited; another's publication meanwhile → CONFLICT stale_version. */
  @IsInt() @Min(0) basedOnVersion: number;
  @IsString() @Length(1, 1000) note: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

/** A new version of the list: the current one, categories added or replaced by code, some removed. */
export class PublishClassificationList extends PublishCommand {
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CategoryDefinition) upsert: CategoryDefinition[];
  @IsArray() @ArrayMaxSize(200) @Matches(CODE_PATTERN, { each: true }) remove: string[];
}

/** A new version of the rule set: the current one, rules added or replaced by id, some removed. */
export class PublishRuleSet extends PublishCommand {
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => RoutingRuleDefinition) upsert: RoutingRuleDefinition[];
  @IsArray() @ArrayMaxSize(1000) @Matches(RULE_ID_PATTERN, { each: true }) remove: string[];
}

export const RoutingGetClassificationList = defineQuery<GetClassificationList, ClassificationListView>('routing.classification.get', GetClassificationList);
export const RoutingListClassificationVersions = defineQuery<ListPublications, PublicationView[]>('routing.classification.versions', ListPublications);
export const RoutingPublishClassificationList = defineQuery<PublishClassificationList, ClassificationListView>('routing.classification.publish', PublishClassificationList);
export const RoutingGetRuleSet = defineQuery<GetRuleSet, RuleSetView>('routing.rules.get', GetRuleSet);
export const RoutingListRuleSetVersions = defineQuery<ListPublications, PublicationView[]>('routing.rules.versions', ListPublications);
export const RoutingPublishRuleSet = defineQuery<PublishRuleSet, RuleSetView>('routing.rules.publish', PublishRuleSet);
