import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BulletinKind, BulletinListQuery, BulletinPage, BulletinView } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { invalidCursor } from '../common/keyset-cursor';
import { SqlFilter } from '../common/sql-filter';
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

/** Keyset cursor over (period_start, id): a bulletin's period is a calendar day, not an instant. */
const encodeCursor = (r: BulletinRow) => Buffer.from(`${r.period_start}|${r.id}`).toString('base64url');

function decodeCursor(cursor: string): { start: string; id: string } {
  const [start, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!start || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !id || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidCursor();
  return { start, id };
}

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
    const filter = new SqlFilter();
    if (q.kind) filter.add('kind = ?', q.kind);
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      filter.add('(period_start, id) < (?::date, ?::uuid)', c.start, c.id);
    }
    const rows = (await db.query(`SELECT ${COLUMNS} FROM bulletin ${filter.where} ORDER BY period_start DESC, id DESC LIMIT ${filter.param(limit + 1)}`, filter.params)) as BulletinRow[];
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { items: rows.slice(0, limit).map(toView), nextCursor: last ? encodeCursor(last) : null };
  }
}
