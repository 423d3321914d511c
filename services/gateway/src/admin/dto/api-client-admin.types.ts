import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { API_CLIENT_SCOPES } from '../../identity/api-client-scopes';

@ObjectType('ApiClientAccount', { description: '外部系统的客户端凭据（不含密钥） / an external system’s credentials, without the secret' })
export class ApiClientAccountView {
  @Field(() => ID) id: string;
  @Field() clientId: string;
  @Field() name: string;
  @Field(() => [String]) scopes: string[];
  @Field({ description: '吊销后不能再获取令牌 / a revoked client gets no more tokens' }) active: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('CreatedApiClient', { description: '新客户端及其密钥：密钥只显示这一次 / the secret is shown this once only' })
export class CreatedApiClientView {
  @Field(() => ApiClientAccountView) client: ApiClientAccountView;
  @Field({ description: '客户端密钥，请立即妥善保存 / store it now: it cannot be shown again' }) secret: string;
}

@InputType()
export class CreateApiClientInput {
  @Field(() => String, { nullable: true, description: '缺省自动生成 / made up when omitted' }) @IsOptional() @IsString() @Length(3, 64) clientId?: string;
  @Field({ description: '系统名称 / which system, e.g. 12345 热线平台' }) @IsString() @Length(1, 200) name: string;
  @Field(() => [String], { description: `权限范围 / scopes: ${API_CLIENT_SCOPES.join(', ')}` }) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, 50, { each: true }) scopes: string[];
}

@ArgsType()
export class CreateApiClientArgs {
  @Field(() => CreateApiClientInput) @ValidateNested() @Type(() => CreateApiClientInput) input: CreateApiClientInput;
}

@ArgsType()
export class RevokeApiClientArgs {
  @Field() @IsString() @Length(3, 64) clientId: string;
}
