import { ForbiddenException, HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';

/**
 * The refusals of sign-in and authorisation. GraphQL shows them as extensions.code
 * UNAUTHENTICATED (401), FORBIDDEN (403) and TOO_MANY_REQUESTS (429).
 */
export const AuthMessages = {
  signInFirst: '请先登录 / sign in first',
  tokenInvalid: '登录已失效，请重新登录 / the access token is invalid or expired, sign in again',
  badCredentials: '用户名或密码错误 / wrong user name or password',
  badClientCredentials: '客户端凭据无效 / invalid client credentials',
  refreshInvalid: '刷新令牌无效或已过期，请重新登录 / the refresh token is invalid or expired, sign in again',
  demoRefused: '生产环境不接受演示账号 / demo credentials are refused in production',
  forbidden: '无权执行此操作 / your role may not do this',
  notGuarded: '此操作未声明访问权限 / this operation declares no access rule',
  missingScope: '客户端缺少所需权限范围 / the API client lacks a required scope',
  outsideRegion: '超出您的辖区 / outside the region (or organisation) you may see',
  tooMany: '尝试次数过多，请稍后再试 / too many failed attempts, try again later',
  tooManyRequests: '请求过于频繁，请稍后再试 / too many requests, try again later',
} as const;

export class UnauthenticatedError extends UnauthorizedException {
  constructor(message: string = AuthMessages.signInFirst) {
    super(message);
  }
}

export class ForbiddenError extends ForbiddenException {
  constructor(message: string = AuthMessages.forbidden) {
    super(message);
  }
}

/** TOO_MANY_REQUESTS; GraphQL shows `retryAfterSeconds` in the error's extensions. */
export class TooManyAttemptsError extends HttpException {
  constructor(
    readonly retryAfterSeconds: number,
    message: string = AuthMessages.tooMany,
  ) {
    super({ message, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
