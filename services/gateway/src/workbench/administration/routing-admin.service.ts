import { Injectable } from '@nestjs/common';
import {
  RoutingGetClassificationList,
  RoutingGetRuleSet,
  RoutingListClassificationVersions,
  RoutingListRuleSetVersions,
  RoutingPublishClassificationList,
  RoutingPublishRuleSet,
  type PublicationView,
  type RuleSetView,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import type { Principal } from '../../auth/roles';
import { actorOf } from '../workbench-actor';
import type { ClassificationListGqlView, PublicationGqlView, PublishClassificationListInput, PublishRoutingRulesInput, RuleSetArgs, RuleSetGqlView } from './routing-admin.types';

function toPublication(p: PublicationView): PublicationGqlView {
  return { version: p.version, basedOn: p.basedOn, publishedAt: p.publishedAt === null ? null : new Date(p.publishedAt), publishedBy: p.publishedBy ? { userId: p.publishedBy.userId, unitCode: p.publishedBy.orgCode } : null, note: p.note, current: p.current, size: p.size };
}

function toRuleSet(s: RuleSetView): RuleSetGqlView {
  return {
    ...toPublication(s),
    rules: s.rules.map((r) => ({
      id: r.id,
      version: r.version,
      categoryCode: r.categoryCode,
      regionCode: r.regionCode,
      minHeadcount: r.minHeadcount,
      minAmountYuan: r.minAmountYuan,
      collectiveOnly: r.collectiveOnly === true,
      leadUnitCode: r.leadOrgCode,
      coUnitCodes: r.coOrgCodes,
      priority: r.priority,
    })),
  };
}

/** Administration of the classification list and the routing rules, asked of routing; the publisher is the signed-in administrator. */
@Injectable()
export class RoutingAdministrationDesk {
  constructor(private readonly rpc: RpcClient) {}

  async classificationList(version?: number): Promise<ClassificationListGqlView> {
    const list = await this.rpc.request(RoutingGetClassificationList, version ? { version } : {});
    return { ...toPublication(list), categories: list.categories };
  }

  async classificationVersions(): Promise<PublicationGqlView[]> {
    return (await this.rpc.request(RoutingListClassificationVersions, {})).map(toPublication);
  }

  async publishClassificationList(p: Principal, i: PublishClassificationListInput): Promise<ClassificationListGqlView> {
    const list = await this.rpc.request(RoutingPublishClassificationList, {
      basedOnVersion: i.basedOnVersion,
      note: i.note,
      upsert: i.upsert.map((c) => ({ ...c, statutoryPaths: [...c.statutoryPaths], coDepartmentTypes: [...c.coDepartmentTypes], laws: [...c.laws], keywords: [...c.keywords] })),
      remove: i.remove,
      by: actorOf(p),
    });
    return { ...toPublication(list), categories: list.categories };
  }

  async ruleSet(a: RuleSetArgs): Promise<RuleSetGqlView> {
    return toRuleSet(await this.rpc.request(RoutingGetRuleSet, { ...(a.version ? { version: a.version } : {}), ...(a.categoryCode ? { categoryCode: a.categoryCode } : {}), ...(a.regionCode ? { regionCode: a.regionCode } : {}) }));
  }

  async ruleSetVersions(): Promise<PublicationGqlView[]> {
    return (await this.rpc.request(RoutingListRuleSetVersions, {})).map(toPublication);
  }

  async publishRules(p: Principal, i: PublishRoutingRulesInput): Promise<RuleSetGqlView> {
    const set = await this.rpc.request(RoutingPublishRuleSet, {
      basedOnVersion: i.basedOnVersion,
      note: i.note,
      upsert: i.upsert.map((r) => ({
        id: r.id,
        categoryCode: r.categoryCode,
        regionCode: r.regionCode,
        ...(r.minHeadcount !== undefined && r.minHeadcount !== null ? { minHeadcount: r.minHeadcount } : {}),
        ...(r.minAmountYuan !== undefined && r.minAmountYuan !== null ? { minAmountYuan: r.minAmountYuan } : {}),
        ...(r.collectiveOnly ? { collectiveOnly: true } : {}),
        leadOrgCode: r.leadUnitCode,
        coOrgCodes: r.coUnitCodes,
        priority: r.priority,
      })),
      remove: i.remove,
      by: actorOf(p),
    });
    return toRuleSet(set);
  }
}
