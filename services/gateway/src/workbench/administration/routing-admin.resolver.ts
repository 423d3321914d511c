import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import type { Principal } from '../../auth/roles';
import { RoutingAdministrationDesk } from './routing-admin.service';
import {
  ClassificationListGqlView,
  PublicationGqlView,
  PublishClassificationListArgs,
  PublishRoutingRulesArgs,
  RuleSetArgs,
  RuleSetGqlView,
  VersionArgs,
} from './routing-admin.types';

/** 依法分类处理清单与分流规则的管理：只有系统管理员 / administrators only. Each publication is a new version; old ones stay. */
@Resolver()
export class RoutingAdministrationResolver {
  constructor(private readonly desk: RoutingAdministrationDesk) {}

  @Allow('administrator')
  @Query(() => ClassificationListGqlView, { description: '依法分类处理清单（缺省为现行版本） / the classification list, the version in force by default' })
  classificationList(@Args() a: VersionArgs): Promise<ClassificationListGqlView> {
    return this.desk.classificationList(a.version);
  }

  @Allow('administrator')
  @Query(() => [PublicationGqlView], { description: '分类处理清单的各版本，新的在前 / every version of the list, newest first' })
  classificationListVersions(): Promise<PublicationGqlView[]> {
    return this.desk.classificationVersions();
  }

  @Allow('administrator')
  @Mutation(() => ClassificationListGqlView, { description: '发布分类处理清单新版本：现行版本加上修改，整体校验后生效 / publish a new version of the list' })
  publishClassificationList(@CurrentPrincipal() p: Principal, @Args() a: PublishClassificationListArgs): Promise<ClassificationListGqlView> {
    return this.desk.publishClassificationList(p, a.input);
  }

  @Allow('administrator')
  @Query(() => RuleSetGqlView, { description: '分流规则（缺省为现行版本），可按类别、区域筛选 / the routing rules, the version in force by default' })
  routingRules(@Args() a: RuleSetArgs): Promise<RuleSetGqlView> {
    return this.desk.ruleSet(a);
  }

  @Allow('administrator')
  @Query(() => [PublicationGqlView], { description: '分流规则的各版本，新的在前 / every version of the rules, newest first' })
  routingRuleVersions(): Promise<PublicationGqlView[]> {
    return this.desk.ruleSetVersions();
  }

  @Allow('administrator')
  @Mutation(() => RuleSetGqlView, { description: '发布分流规则新版本：现行版本加上修改，整体校验后生效 / publish a new version of the rules' })
  publishRoutingRules(@CurrentPrincipal() p: Principal, @Args() a: PublishRoutingRulesArgs): Promise<RuleSetGqlView> {
    return this.desk.publishRules(p, a.input);
  }
}
