import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

/** Lengths are bounded so a megabyte "password" never reaches argon2. */
@ArgsType()
export class LoginArgs {
  @Field({ description: '用户名 / user name' })
  @IsString()
  @Length(1, 64)
  username: string;

  @Field({ description: '密码 / password' })
  @IsString()
  @Length(1, 256)
  password: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field({ description: '刷新令牌 / the refresh token from login or the last refresh' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  refreshToken: string;
}

@ArgsType()
export class ClientTokenArgs {
  @Field({ description: '客户端 ID / client id' })
  @IsString()
  @Length(1, 64)
  clientId: string;

  @Field({ description: '客户端密钥 / client secret' })
  @IsString()
  @Length(1, 256)
  clientSecret: string;
}
