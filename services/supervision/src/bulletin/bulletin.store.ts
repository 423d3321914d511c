import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BulletinKind, BulletinListQuery, BulletinPage, BulletinView } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import type { BulletinContent } from './bulletin-builder';
import type { BulletinPeriod } from './bulletin-period';

interface BulletinRow {
  id: string;
  kind: BulletinKind;
  period_start: string;
  period_end: string;
  complete: boolean;
  generated_at: Date;
  content: BulletinContent;
}

const COLUMNS = `id, kind, to_char(period_start, 'YYYY-MM-DD') AS period_start, to_char(period_end, 'YYYY-MM-DD') AS period_end, complete, generated_at, content`;

const toView = (r: BulletinRow): BulletinView => ({
  bulletinId: r.id,
  kind: r.kind,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  complete: r.complete,
  generatedAt: r.generated_at.toISOString(),
  ...r.content,
});

const badCursor = () => new DomainError('BAD_REQUEST', 'cursor 无效 / cursor is not one this list gave', [{ field: 'cursor', problems: ['not a bulletin cursor'] }]);

/** Bulletins as stored data: one per kind and period; a complete one is never rewritten. */
@Injectable()
export class BulletinStore {
  async find(db: EntityManager, kind: BulletinKind, periodStart: string): Promise<BulletinView | null> {
    const [row] = (await db.query(`SELECT ${COLUMNS} FROM bulletin WHERE kind = $1 AND period_start = $2`, [kind, periodStart])) as BulletinRow[];
    return row ? toView(row) : null;
  }

  async get(db: EntityManager, id: string): Promise<BulletinView> {
    const [row] = (await db.query(`SELECT ${COLUMNS} FROM bulletin WHERE id = $1`, [id])) as BulletinRow[];
    if (!row) throw new DomainError('NOT_FOUND', '通报不存在 / no such bulletin', [{ field: 'bulletinId', problems: ['not found'] }]);
    return toView(row);
  }

  /** Writes the bulletin; an incomplete one is replaced, a complete one stays as it was (and is returned). */
  async save(db: EntityManager, kind: BulletinKind, p: BulletinPeriod, complete: boolean, content: BulletinContent, requestedBy?: string): Promise<BulletinView> {
    const [row] = (await db.query(
      `INSERT INTO bulletin (kind, period_start, period_end, complete, requested_by, content) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, period_start) DO UPDATE SET complete = EXCLUDED.complete, content = EXCLUDED.content, requested_by = EXCLUDED.requested_by, generated_at = now()
       WHERE bulletin.complete = false RETURNING ${COLUMNS}`,
      [kind, p.start, p.end, complete, requestedBy ?? null, JSON.stringify(content)],
    )) as BulletinRow[];
    return row ? toView(row) : ((await this.find(db, kind, p.start)) as BulletinView);
  }

  /** Newest period first (keyset over period_start, id). */
  async list(db: EntityManager, q: BulletinListQuery): Promise<BulletinPage> {
    const limit = q.limit ?? 20;
    const params: unknown[] = [];
    const where = ['true'];
    if (q.kind) {
      params.push(q.kind);
      where.push(`kind = $${params.length}`);
    }
    if (q.cursor) {
      const [start, id] = Buffer.from(q.cursor, 'base64url').toString().split('|');
      if (!start || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !id || !/^[0-9a-f-]{36}$/i.test(id)) throw badCursor();
      params.push(start, id);
      where.push(`(period_start, id) < ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = (await db.query(`SELECT ${COLUMNS} FROM bulletin WHERE ${where.join(' AND ')} ORDER BY period_start DESC, id DESC LIMIT $${params.length}`, params)) as BulletinRow[];
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items: rows.slice(0, limit).map(toView), nextCursor: last ? Buffer.from(`${last.period_start}|${last.id}`).toString('base64url') : null };
  }
}
