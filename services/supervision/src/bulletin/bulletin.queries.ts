import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  SupervisionBulletinLedger,
  SupervisionGenerateBulletin,
  SupervisionGetBulletin,
  SupervisionListBulletins,
  type BulletinPage,
  type BulletinView,
  type LedgerFile,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { BulletinService } from './bulletin.service';
import { BulletinStore } from './bulletin.store';
import { ledgerFile } from './ledger';

/** Bulletins and their ledgers over NATS (the gateway checks who may ask). */
@Controller()
export class BulletinQueries {
  constructor(
    private readonly db: DataSource,
    private readonly store: BulletinStore,
    private readonly bulletins: BulletinService,
  ) {}

  @MessagePattern(SupervisionListBulletins.subject)
  async list(@Payload() data: unknown): Promise<BulletinPage> {
    return this.store.list(this.db.manager, await validQuery(SupervisionListBulletins, data));
  }

  @MessagePattern(SupervisionGetBulletin.subject)
  async get(@Payload() data: unknown): Promise<BulletinView> {
    return this.store.get(this.db.manager, (await validQuery(SupervisionGetBulletin, data)).bulletinId);
  }

  @MessagePattern(SupervisionGenerateBulletin.subject)
  async generate(@Payload() data: unknown): Promise<BulletinView> {
    return this.bulletins.generate(await validQuery(SupervisionGenerateBulletin, data));
  }

  @MessagePattern(SupervisionBulletinLedger.subject)
  async ledger(@Payload() data: unknown): Promise<LedgerFile> {
    const q = await validQuery(SupervisionBulletinLedger, data);
    return ledgerFile(await this.store.get(this.db.manager, q.bulletinId), q.format, q.sheet);
  }
}
