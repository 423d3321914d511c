import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import type { StaffUser } from '../identity/entities/staff-user.entity';
import { UserAdministration, userCursor } from '../identity/user-administration.service';
import { CreateUserArgs, ResetUserPasswordArgs, StaffUserAccountView, StaffUserConnectionView, UpdateUserArgs, UserIdArgs, UsersArgs } from './dto/user-admin.types';
import { UserPlacement } from './user-placement';

function toView(u: StaffUser): StaffUserAccountView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, orgCode: u.orgCode, regionCode: u.regionCode, active: u.active, createdAt: u.createdAt };
}

/** 工作人员账号管理：只有系统管理员 / staff accounts, administrators only. Every change is in the audit log. */
@Resolver()
export class UserAdministrationResolver {
  constructor(
    private readonly accounts: UserAdministration,
    private readonly placement: UserPlacement,
  ) {}

  @Allow('administrator')
  @Query(() => StaffUserConnectionView, { description: '工作人员账号，按用户名排序 / staff accounts by user name, filtered' })
  async users(@Args() a: UsersArgs): Promise<StaffUserConnectionView> {
    const page = await this.accounts.list(a.first, a.after, a.filter ?? {});
    const edges = page.users.map((u) => ({ cursor: userCursor(u), node: toView(u) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Allow('administrator')
  @Mutation(() => StaffUserAccountView, { description: '新建工作人员账号；单位与区划须在名录中 / a new staff account in a known organisation and region' })
  async createUser(@CurrentPrincipal() p: Principal, @Args() { input }: CreateUserArgs): Promise<StaffUserAccountView> {
    await this.placement.assertKnown(input.orgCode, input.regionCode);
    return toView(await this.accounts.create(p, input));
  }

  @Allow('administrator')
  @Mutation(() => StaffUserAccountView, { description: '修改角色、单位、区划或姓名；角色、单位或区划变更后，现有访问令牌从下一次请求起即被拒绝，刷新后按新权限生效 / a role, organisation or region change refuses the user’s current access tokens from the next request; a refresh gives the new ones' })
  async updateUser(@CurrentPrincipal() p: Principal, @Args() { id, input }: UpdateUserArgs): Promise<StaffUserAccountView> {
    const changes = { displayName: input.displayName ?? undefined, role: input.role ?? undefined, orgCode: input.orgCode ?? undefined, regionCode: input.regionCode ?? undefined };
    await this.placement.assertKnown(changes.orgCode, changes.regionCode);
    return toView(await this.accounts.update(p, id, changes));
  }

  @Allow('administrator')
  @Mutation(() => StaffUserAccountView, { description: '停用账号：不能再登录，刷新令牌全部吊销，现有访问令牌从下一次请求起即被拒绝 / no more sign-ins; every refresh token revoked, and the current access tokens are refused from the next request' })
  async disableUser(@CurrentPrincipal() p: Principal, @Args() { id }: UserIdArgs): Promise<StaffUserAccountView> {
    return toView(await this.accounts.disable(p, id));
  }

  @Allow('administrator')
  @Mutation(() => StaffUserAccountView, { description: '启用账号 / the account may sign in again' })
  async enableUser(@CurrentPrincipal() p: Principal, @Args() { id }: UserIdArgs): Promise<StaffUserAccountView> {
    return toView(await this.accounts.enable(p, id));
  }

  @Allow('administrator')
  @Mutation(() => StaffUserAccountView, { description: '重置密码；该用户的登录会话全部结束 / a new password; the user’s sessions end' })
  async resetUserPassword(@CurrentPrincipal() p: Principal, @Args() { id, newPassword }: ResetUserPasswordArgs): Promise<StaffUserAccountView> {
    return toView(await this.accounts.resetPassword(p, id, newPassword));
  }
}
