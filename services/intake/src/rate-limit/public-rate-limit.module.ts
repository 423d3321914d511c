import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PgRateLimitLedger, SlidingWindowLimiter } from '@yikouban/persistence';
import { PUBLIC_RATE_LIMIT_OPTIONS, type PublicRateLimitOptions } from './public-rate-limit';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

/** The advisory-lock class of intake's rate-limit keys: apart from any other service's sharing the database. */
const INTAKE_RATE_LIMIT_LOCK_CLASS = 1_732_620;

/**
 * Rate limits of the public endpoints, counted in intake's own table (rate_limit_hit). Global, so
 * any feature's controller can put PublicRateLimitGuard on itself. Needs TypeOrmModule.forRoot.
 */
@Module({})
export class PublicRateLimitModule {
  static register(options: PublicRateLimitOptions): DynamicModule {
    return {
      module: PublicRateLimitModule,
      global: true,
      providers: [
        { provide: PUBLIC_RATE_LIMIT_OPTIONS, useValue: options },
        {
          provide: SlidingWindowLimiter,
          inject: [DataSource],
          useFactory: (db: DataSource) => new SlidingWindowLimiter(new PgRateLimitLedger(db, { table: 'rate_limit_hit', lockClass: INTAKE_RATE_LIMIT_LOCK_CLASS })),
        },
        PublicRateLimitGuard,
      ],
      exports: [PUBLIC_RATE_LIMIT_OPTIONS, SlidingWindowLimiter, PublicRateLimitGuard],
    };
  }
}
