import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HandoffInbox, HandoffPage, HandoffsSent, HandoffView } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { DirectoryRepository } from '../directory/directory.repository';
import type { HandoffState } from './domain';
import type { StoredHandoff } from './handoff.repository';
import { toSummary, toView } from './handoff-view';

const DEFAULT_LIMIT = 20;

interface PageRow {
  state: HandoffState;
  version: number;
  region_code: string;
  grievance_id: string | null;
  created_at: Date;
}

/** Keyset cursor: the (created_at, id) of the last row shown. Opaque to callers. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
  } catch {
    // fall through to the refusal
  }
  throw new DomainError('BAD_REQUEST', 'cursor is not one this service gave out', [{ field: 'cursor', problems: ['not a cursor from a previous page'] }]);
}

/** The read side: one handoff's file, a receiving organisation's inbox, the sending side's list. */
@Injectable()
export class HandoffReader {
  constructor(
    private readonly db: DataSource,
    private readonly directory: DirectoryRepository,
  ) {}

  async find(id: string): Promise<StoredHandoff | undefined> {
    const rows: PageRow[] = await this.db.query('SELECT state, version, region_code, grievance_id, created_at FROM handoff WHERE id = $1', [id]);
    return rows[0] ? stored(rows[0]) : undefined;
  }

  /** A court sees what it confirms, a committee what was sent to it, a source what it sent — nobody else. */
  async view(id: string, viewerOrgCode?: string): Promise<HandoffView> {
    const h = await this.find(id);
    if (!h) throw new DomainError('NOT_FOUND', `no handoff ${id}`);
    const s = h.state;
    const allowed = [s.source.orgCode, s.target.orgCode, s.judicialConfirmation?.courtOrgCode];
    if (viewerOrgCode !== undefined && !allowed.includes(viewerOrgCode)) {
      throw new DomainError('FORBIDDEN', `组织 ${viewerOrgCode} 无权查看该移交 (organisation may not see this handoff)`);
    }
    return this.withMediatorName(h);
  }

  async withMediatorName(h: StoredHandoff): Promise<HandoffView> {
    const mediatorId = h.state.mediator?.mediatorId;
    const mediator = mediatorId ? await this.directory.mediator(mediatorId) : undefined;
    return toView(h, mediator?.name ?? null);
  }

  inbox(q: HandoffInbox): Promise<HandoffPage> {
    if (q.role === 'confirming_court') {
      return this.page((arg) => [`id IN (SELECT handoff_id FROM judicial_confirmation WHERE court_org_code = ${arg(q.orgCode)})`], q);
    }
    return this.page((arg) => [`target_org_code = ${arg(q.orgCode)}`], q);
  }

  sent(q: HandoffsSent): Promise<HandoffPage> {
    return this.page((arg) => [
      ...(q.sourceOrgCode !== undefined ? [`source_org_code = ${arg(q.sourceOrgCode)}`] : []),
      ...(q.grievanceId !== undefined ? [`grievance_id = ${arg(q.grievanceId)}`] : []),
    ], q);
  }

  /** `scope` names who may see the rows, binding its values through `arg`. */
  private async page(scope: (arg: (v: unknown) => string) => string[], q: { status?: string[]; cursor?: string; limit?: number }): Promise<HandoffPage> {
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    const where = scope(arg);
    if (q.status?.length) where.push(`status = ANY (${arg(q.status)})`);
    if (q.cursor !== undefined) {
      const c = decodeCursor(q.cursor);
      where.push(`(created_at, id) < (${arg(c.createdAt)}::timestamptz, ${arg(c.id)}::uuid)`);
    }
    const limit = q.limit ?? DEFAULT_LIMIT;
    const rows: (PageRow & { id: string })[] = await this.db.query(
      `SELECT id, state, version, region_code, grievance_id, created_at FROM handoff WHERE ${where.join(' AND ')}
       ORDER BY created_at DESC, id DESC LIMIT ${arg(limit + 1)}`,
      args,
    );
    const shown = rows.slice(0, limit);
    const last = shown.at(-1);
    return { items: shown.map((r) => ({ ...toSummary(stored(r)), cursor: encodeCursor(r.created_at, r.id) })), nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null };
  }
}

function stored(r: PageRow): StoredHandoff {
  return { state: r.state, version: r.version, regionCode: r.region_code, grievanceId: r.grievance_id };
}
