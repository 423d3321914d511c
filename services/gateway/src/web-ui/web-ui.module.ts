import { DynamicModule, Inject, Logger, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { webUiMiddleware } from './web-ui.middleware';

const WEB_UI_DIR = Symbol('WEB_UI_DIR');

/**
 * The web UI (services/gateway/web, built by `npm run build` into dist/web) served by the gateway
 * at `/`. Without a build (unit and integration tests) the gateway serves the API alone.
 */
@Module({})
export class WebUiModule implements NestModule {
  private readonly logger = new Logger('WebUi');

  constructor(@Inject(WEB_UI_DIR) private readonly dir: string) {}

  static register(options: { dir: string }): DynamicModule {
    return { module: WebUiModule, providers: [{ provide: WEB_UI_DIR, useValue: resolve(options.dir) }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (!existsSync(resolve(this.dir, 'index.html'))) {
      this.logger.warn(`no web UI build at ${this.dir} (run npm run build); serving the API only`);
      return;
    }
    consumer.apply(webUiMiddleware(this.dir)).forRoutes('*');
  }
}
