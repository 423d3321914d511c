import { Controller, DynamicModule, Get, Inject, Module, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule, type HealthIndicatorFunction } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { NATS_HANDLES, type NatsHandles } from '@yikouban/messaging';

const CHECK_TIMEOUT_MS = 1500;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** live: the process answers. ready: it can do its work — PostgreSQL and NATS both answer. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(NATS_HANDLES) private readonly nats: NatsHandles,
    @Optional() private readonly db?: DataSource,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    const checks: HealthIndicatorFunction[] = [
      async () => {
        const s = this.indicator.check('nats');
        try {
          if (this.nats.nc.isClosed()) throw new Error('connection closed');
          const rtt = await withTimeout(this.nats.nc.rtt(), 'nats ping');
          return s.up({ rttMs: rtt });
        } catch (err) {
          return s.down({ message: (err as Error).message });
        }
      },
    ];
    const db = this.db;
    if (db) {
      checks.push(async () => {
        const s = this.indicator.check('database');
        try {
          await withTimeout(db.query('SELECT 1'), 'database ping');
          return s.up();
        } catch (err) {
          return s.down({ message: (err as Error).message });
        }
      });
    }
    return this.health.check(checks);
  }
}

@Module({})
export class HealthModule {
  static register(): DynamicModule {
    return { module: HealthModule, imports: [TerminusModule], controllers: [HealthController] };
  }
}
