import { DynamicModule, Module } from '@nestjs/common';
import { BoardReader } from '../indicators/board-reader';
import { IndicatorReader } from '../indicators/indicator-reader';
import { BulletinBuilder } from './bulletin-builder';
import { BULLETIN_INTERVAL_MS, BulletinSweeper } from './bulletin-sweeper';
import { BulletinQueries } from './bulletin.queries';
import { BulletinService } from './bulletin.service';
import { BulletinStore } from './bulletin.store';

/** 通报 (daily / weekly / half-monthly / monthly) as stored data, generated on schedule, with 台账 downloads. */
@Module({})
export class BulletinModule {
  static register(options: { intervalMs: number }): DynamicModule {
    return {
      module: BulletinModule,
      controllers: [BulletinQueries],
      providers: [{ provide: BULLETIN_INTERVAL_MS, useValue: options.intervalMs }, IndicatorReader, BoardReader, BulletinBuilder, BulletinStore, BulletinService, BulletinSweeper],
      exports: [BulletinService],
    };
  }
}
