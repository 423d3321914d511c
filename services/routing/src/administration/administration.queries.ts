import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RoutingGetClassificationList,
  RoutingGetRuleSet,
  RoutingListClassificationVersions,
  RoutingListRuleSetVersions,
  RoutingPublishClassificationList,
  RoutingPublishRuleSet,
  type ClassificationListView,
  type PublicationView,
  type RuleSetView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { ClassificationAdministration } from './classification-administration';
import { RuleSetAdministration } from './rule-set-administration';

/** Administration of the classification list and the routing rules over NATS; the gateway lets only administrators call it. */
@Controller()
export class AdministrationQueries {
  constructor(
    private readonly classification: ClassificationAdministration,
    private readonly rules: RuleSetAdministration,
  ) {}

  @MessagePattern(RoutingGetClassificationList.subject)
  async classificationList(@Payload() data: unknown): Promise<ClassificationListView> {
    return this.classification.get((await validQuery(RoutingGetClassificationList, data)).version);
  }

  @MessagePattern(RoutingListClassificationVersions.subject)
  async classificationVersions(@Payload() data: unknown): Promise<PublicationView[]> {
    await validQuery(RoutingListClassificationVersions, data);
    return this.classification.versions();
  }

  @MessagePattern(RoutingPublishClassificationList.subject)
  async publishClassificationList(@Payload() data: unknown): Promise<ClassificationListView> {
    return this.classification.publish(await validQuery(RoutingPublishClassificationList, data));
  }

  @MessagePattern(RoutingGetRuleSet.subject)
  async ruleSet(@Payload() data: unknown): Promise<RuleSetView> {
    return this.rules.get(await validQuery(RoutingGetRuleSet, data));
  }

  @MessagePattern(RoutingListRuleSetVersions.subject)
  async ruleSetVersions(@Payload() data: unknown): Promise<PublicationView[]> {
    await validQuery(RoutingListRuleSetVersions, data);
    return this.rules.versions();
  }

  @MessagePattern(RoutingPublishRuleSet.subject)
  async publishRuleSet(@Payload() data: unknown): Promise<RuleSetView> {
    return this.rules.publish(await validQuery(RoutingPublishRuleSet, data));
  }
}

export const ADMINISTRATION_CONTROLLERS = [AdministrationQueries];
export const ADMINISTRATION_PROVIDERS = [ClassificationAdministration, RuleSetAdministration];
