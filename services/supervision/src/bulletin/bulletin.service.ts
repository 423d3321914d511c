import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BULLETIN_KINDS, type BulletinKind, type BulletinView, type GenerateBulletin } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { beijingDay } from '../indicators/indicator-math';
import { BulletinBuilder } from './bulletin-builder';
import { isComplete, lastCompletedPeriod, periodStartingOn, type BulletinPeriod } from './bulletin-period';
import { BulletinStore } from './bulletin.store';

const bad = (field: string, message: string) => new DomainError('BAD_REQUEST', message, [{ field, problems: [message] }]);

/** 一天一通报 …: generates bulletins on demand and on schedule, each once per kind and period. */
@Injectable()
export class BulletinService {
  constructor(
    private readonly db: DataSource,
    private readonly builder: BulletinBuilder,
    private readonly store: BulletinStore,
  ) {}

  /** On demand. A running period gives an incomplete bulletin, refreshed on every call until the period ends. */
  async generate(g: GenerateBulletin, now = new Date()): Promise<BulletinView> {
    const checked = periodStartingOn(g.kind, g.periodStart);
    if ('problem' in checked) throw bad('periodStart', checked.problem);
    if (checked.period.start > beijingDay(now)) throw bad('periodStart', '期间尚未开始 / the period has not begun');
    const existing = await this.store.find(this.db.manager, g.kind, checked.period.start);
    if (existing?.complete) return existing;
    return this.store.save(this.db.manager, g.kind, checked.period, isComplete(checked.period, now), await this.builder.build(checked.period), g.requestedBy);
  }

  /**
   * The schedule: for each kind, the last completed period gets its bulletin unless it has one.
   * A transaction-scoped advisory lock per kind and period lets one replica do it; the others
   * skip it (and find it done next time). Returns the bulletins made.
   */
  async publishDue(now = new Date()): Promise<BulletinView[]> {
    const made: BulletinView[] = [];
    for (const kind of BULLETIN_KINDS) {
      const p = lastCompletedPeriod(kind, now);
      if ((await this.store.find(this.db.manager, kind, p.start))?.complete) continue;
      const view = await this.publishOnce(kind, p);
      if (view) made.push(view);
    }
    return made;
  }

  private publishOnce(kind: BulletinKind, p: BulletinPeriod): Promise<BulletinView | null> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = (await tx.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [`bulletin|${kind}|${p.start}`])) as { locked: boolean }[];
      if (!locked) return null;
      if ((await this.store.find(tx, kind, p.start))?.complete) return null;
      return this.store.save(tx, kind, p, true, await this.builder.build(p));
    });
  }
}
