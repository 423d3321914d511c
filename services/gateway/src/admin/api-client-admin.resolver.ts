import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { ApiClientAdministration } from '../identity/api-client-administration.service';
import type { ApiClient } from '../identity/entities/api-client.entity';
import { ApiClientAccountView, CreateApiClientArgs, CreatedApiClientView, RevokeApiClientArgs } from './dto/api-client-admin.types';

function toView(c: ApiClient): ApiClientAccountView {
  return { id: c.id, clientId: c.clientId, name: c.name, scopes: [...c.scopes], active: c.active, createdAt: c.createdAt };
}

/** 外部系统客户端凭据管理：只有系统管理员 / external systems' credentials, administrators only; audited. */
@Resolver()
export class ApiClientAdministrationResolver {
  constructor(private readonly clients: ApiClientAdministration) {}

  @Allow('administrator')
  @Query(() => [ApiClientAccountView], { description: '全部 API 客户端 / every API client, by client id' })
  async apiClients(): Promise<ApiClientAccountView[]> {
    return (await this.clients.list()).map(toView);
  }

  @Allow('administrator')
  @Mutation(() => CreatedApiClientView, { description: '新建 API 客户端；密钥只返回这一次 / a new API client; the secret is returned this once only' })
  async createApiClient(@CurrentPrincipal() p: Principal, @Args() { input }: CreateApiClientArgs): Promise<CreatedApiClientView> {
    const { client, secret } = await this.clients.create(p, { ...(input.clientId ? { clientId: input.clientId } : {}), name: input.name, scopes: input.scopes });
    return { client: toView(client), secret };
  }

  @Allow('administrator')
  @Mutation(() => ApiClientAccountView, { description: '吊销 API 客户端：不能再获取令牌，现有访问令牌从下一次请求起即被拒绝 / the client gets no more access tokens, and its current ones are refused from the next request' })
  async revokeApiClient(@CurrentPrincipal() p: Principal, @Args() { clientId }: RevokeApiClientArgs): Promise<ApiClientAccountView> {
    return toView(await this.clients.revoke(p, clientId));
  }
}
