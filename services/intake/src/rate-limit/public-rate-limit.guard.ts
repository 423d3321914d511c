import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { SlidingWindowLimiter, type RateLimit } from '@yikouban/persistence';
import { clientAddress } from './client-address';
import { PUBLIC_RATE_LIMIT_METADATA, PUBLIC_RATE_LIMIT_OPTIONS, PUBLIC_WINDOW_MS, TooManyRequestsException, type PublicRateLimitOptions } from './public-rate-limit';

/** The counter of one endpoint (controller and handler) and client address. */
export function publicLimit(endpoint: string, address: string, perMinute: number): RateLimit {
  return { key: `public:${endpoint}|${address}`, limit: perMinute, windowMs: PUBLIC_WINDOW_MS };
}

/**
 * On the public controllers (@UseGuards): each call counts against its endpoint and client
 * address, in the service's database, so every replica counts together. Beyond the limit: 429
 * with Retry-After (seconds); below it, X-RateLimit-Limit, -Remaining and -Reset (seconds until a
 * slot frees).
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    private readonly limiter: SlidingWindowLimiter,
    private readonly reflector: Reflector,
    @Inject(PUBLIC_RATE_LIMIT_OPTIONS) private readonly options: PublicRateLimitOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const perMinute = this.reflector.getAllAndOverride<number | undefined>(PUBLIC_RATE_LIMIT_METADATA, [context.getHandler(), context.getClass()]) ?? this.options.perMinute;
    const endpoint = `${context.getClass().name}.${context.getHandler().name}`;
    const verdict = await this.limiter.take([publicLimit(endpoint, clientAddress(req.ip), perMinute)]);
    if (!verdict.admitted) {
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds));
      throw new TooManyRequestsException(verdict.retryAfterSeconds);
    }
    const [counter] = verdict.admission.counters;
    res.setHeader('X-RateLimit-Limit', String(counter.limit));
    res.setHeader('X-RateLimit-Remaining', String(counter.remaining));
    res.setHeader('X-RateLimit-Reset', String(counter.resetSeconds));
    return true;
  }
}
