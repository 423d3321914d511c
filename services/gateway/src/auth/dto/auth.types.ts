import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Principal, Role } from '../roles';
import { PrincipalKindEnum, RoleEnum } from './auth.enums';

@ObjectType({ description: '工作人员 / a staff user' })
export class AuthUser {
  @Field() id: string;
  @Field() username: string;
  @Field() displayName: string;
  @Field(() => RoleEnum) role: Role;
  @Field({ description: '所属单位 / the organisation the user belongs to' }) orgCode: string;
  @Field({ description: '可见区域 / the region subtree the user sees' }) regionCode: string;
}

@ObjectType({ description: '登录会话 / tokens for a signed-in staff user' })
export class AuthSession {
  @Field({ description: 'Bearer 访问令牌 / send as Authorization: Bearer …' }) accessToken: string;
  @Field({ description: '刷新令牌，仅可使用一次 / single use: refresh returns a new one' }) refreshToken: string;
  @Field(() => Int, { description: '访问令牌有效秒数 / seconds until the access token expires' }) expiresIn: number;
  @Field(() => AuthUser) user: AuthUser;
}

@ObjectType({ description: '客户端访问令牌 / an access token for an external system' })
export class ClientToken {
  @Field() accessToken: string;
  @Field(() => String) tokenType: 'Bearer';
  @Field(() => Int) expiresIn: number;
  @Field(() => [String]) scopes: string[];
}

@ObjectType({ description: '当前身份 / who is signed in' })
export class Viewer {
  @Field() id: string;
  @Field(() => PrincipalKindEnum) kind: Principal['kind'];
  @Field(() => RoleEnum) role: Role;
  @Field({ description: '用户名或客户端 ID / user name or client id' }) username: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) orgCode: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => [String], { description: 'API 客户端的权限范围 / scopes of an API client' }) scopes: string[];
}
