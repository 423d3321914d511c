import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { DirectoryAdministrationDesk } from './directory-admin.desk';
import {
  CreateOrganisationArgs,
  CreateRegionArgs,
  DeactivateOrganisationArgs,
  DirectoryOrganisationGqlView,
  OrganisationsArgs,
  RegionNodeGqlView,
  RegionTreeArgs,
  RenameRegionArgs,
  UpdateOrganisationArgs,
} from './dto/directory-admin.types';

/** 区划与单位名录的管理：只有系统管理员 / regions and organisations, administrators only; routing checks and owns them. */
@Resolver()
export class DirectoryAdministrationResolver {
  constructor(private readonly desk: DirectoryAdministrationDesk) {}

  @Allow('administrator')
  @Query(() => [RegionNodeGqlView], { description: '区划树（缺省从最上层起，展开一层） / the region tree from a root, to a depth' })
  regionTree(@Args() a: RegionTreeArgs): Promise<RegionNodeGqlView[]> {
    return this.desk.regionTree(a);
  }

  @Allow('administrator')
  @Query(() => [DirectoryOrganisationGqlView], { description: '单位名录（缺省只含在用的） / organisations, active ones unless asked' })
  organisations(@Args() a: OrganisationsArgs): Promise<DirectoryOrganisationGqlView[]> {
    return this.desk.organisations(a.filter);
  }

  @Allow('administrator')
  @Mutation(() => RegionNodeGqlView, { description: '在上级区划下新增区划 / a new region under a parent; its code extends the parent’s' })
  createRegion(@CurrentPrincipal() p: Principal, @Args() { input }: CreateRegionArgs): Promise<RegionNodeGqlView> {
    return this.desk.createRegion(p, input);
  }

  @Allow('administrator')
  @Mutation(() => RegionNodeGqlView, { description: '区划更名 / rename a region' })
  renameRegion(@CurrentPrincipal() p: Principal, @Args() a: RenameRegionArgs): Promise<RegionNodeGqlView> {
    return this.desk.renameRegion(p, a.code, a.name);
  }

  @Allow('administrator')
  @Mutation(() => DirectoryOrganisationGqlView, { description: '新增单位 / a new organisation' })
  createOrganisation(@CurrentPrincipal() p: Principal, @Args() { input }: CreateOrganisationArgs): Promise<DirectoryOrganisationGqlView> {
    return this.desk.createOrganisation(p, input);
  }

  @Allow('administrator')
  @Mutation(() => DirectoryOrganisationGqlView, { description: '修改单位 / change an organisation’s names, kind, region or department type' })
  updateOrganisation(@CurrentPrincipal() p: Principal, @Args() a: UpdateOrganisationArgs): Promise<DirectoryOrganisationGqlView> {
    return this.desk.updateOrganisation(p, a.code, a.input);
  }

  @Allow('administrator')
  @Mutation(() => DirectoryOrganisationGqlView, { description: '停用单位；尚有未办结交办或被现行规则指向时拒绝（CONFLICT） / CONFLICT while it holds open work or rules send work to it' })
  deactivateOrganisation(@CurrentPrincipal() p: Principal, @Args() a: DeactivateOrganisationArgs): Promise<DirectoryOrganisationGqlView> {
    return this.desk.deactivateOrganisation(p, a.code, a.reason);
  }
}
