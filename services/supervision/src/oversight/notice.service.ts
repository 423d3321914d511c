import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  NoticeIssued,
  NoticeResponded,
  NoticeReviewed,
  type IssueNotice,
  type NoticePage,
  type NoticeQuery,
  type NoticeView,
  type RespondToNotice,
  type ReviewNoticeResponse,
} from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { activeRules } from '../administration/active-rules';
import { keysetPage, type KeysetKey } from '../common/keyset-page';
import { SqlFilter } from '../common/sql-filter';
import { readCase } from '../indicators/case-tally';
import { regionPrefix } from '../indicators/indicator-reader';
import * as rules from './notice-rules';
import { lockNotice, readNotice, snapshotOf, toViews, type NoticeRow } from './notice.store';
import { OversightError } from './oversight.errors';

const BY_ISSUED_AT: KeysetKey<NoticeRow> = { at: 'n.issued_at', id: 'n.id', of: (r) => ({ at: r.issued_at, id: r.id }) };

/**
 * 督办单: issued to the handling unit, answered in writing, accepted or sent back by the issuing
 * body. Each command runs in one transaction with the notice locked; its fact goes to the outbox.
 */
@Injectable()
export class NoticeService {
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async issue(cmd: IssueNotice, now = new Date()): Promise<NoticeView> {
    if (cmd.by.kind !== 'staff' || !cmd.by.userId) throw new OversightError('actor_not_permitted', '只有工作人员可以督办 / only staff issue notices', 'by.kind');
    const view = await this.db.transaction(async (tx) => {
      const c = await readCase(tx, cmd.grievanceId);
      const orgCode = cmd.orgCode ?? (c.orgCode || undefined);
      if (!orgCode) throw new OversightError('no_handling_unit', '该事项尚无承办单位，请指定督办对象 / the case has no lead unit yet; name the unit', 'orgCode');
      const id = randomUUID();
      const cal = activeRules.calendarFor(c.regionCode || null);
      const responseDueAt = rules.noticeDueAt(now, cmd.respondWithinWorkingDays, cal);
      const fixDueAt = cmd.listed && cmd.fixWithinWorkingDays ? rules.noticeDueAt(now, cmd.fixWithinWorkingDays, cal) : null;
      await tx.query(
        `INSERT INTO supervision_notice (id, grievance_id, tracking_code, region_code, org_code, level, listed, demands, state, respond_within_days, issued_by, issuer_org_code, issued_at, response_due_at, fix_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'issued', $9, $10, $11, $12, $13, $14)`,
        [id, cmd.grievanceId, cmd.trackingCode, c.regionCode || null, orgCode, cmd.level, cmd.listed, cmd.demands, cmd.respondWithinWorkingDays, cmd.by.userId, cmd.by.orgCode ?? null, now, responseDueAt, fixDueAt],
      );
      await appendToOutbox(tx, NoticeIssued, {
        noticeId: id,
        grievanceId: cmd.grievanceId,
        trackingCode: cmd.trackingCode,
        level: cmd.level,
        listed: cmd.listed,
        orgCode,
        ...(cmd.by.orgCode ? { issuerOrgCode: cmd.by.orgCode } : {}),
        responseDueAt: responseDueAt.toISOString(),
        ...(fixDueAt ? { fixDueAt: fixDueAt.toISOString() } : {}),
        issuedAt: now.toISOString(),
      });
      return readNotice(tx, id, now);
    });
    this.relay?.kick();
    return view;
  }

  async respond(cmd: RespondToNotice, now = new Date()): Promise<NoticeView> {
    const view = await this.db.transaction(async (tx) => {
      const n = await lockNotice(tx, cmd.noticeId);
      const { round, onTime } = rules.respond(snapshotOf(n), cmd.by, now);
      await tx.query(
        `INSERT INTO notice_response (notice_id, round, actions, result, responded_by, responded_at, on_time) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [n.id, round, cmd.actions, cmd.result, cmd.by.userId ?? '', now, onTime],
      );
      await tx.query(`UPDATE supervision_notice SET state = 'responded', round = $2, updated_at = now() WHERE id = $1`, [n.id, round]);
      await appendToOutbox(tx, NoticeResponded, { noticeId: n.id, grievanceId: n.grievance_id, trackingCode: n.tracking_code, orgCode: n.org_code, round, onTime, respondedAt: now.toISOString() });
      return readNotice(tx, n.id, now);
    });
    this.relay?.kick();
    return view;
  }

  async review(cmd: ReviewNoticeResponse, now = new Date()): Promise<NoticeView> {
    const view = await this.db.transaction(async (tx) => {
      const n = await lockNotice(tx, cmd.noticeId);
      const { state } = rules.review(snapshotOf(n), cmd.by, cmd.verdict, cmd.note);
      const nextDue = state === 'rejected' ? rules.noticeDueAt(now, cmd.respondWithinWorkingDays ?? n.respond_within_days, activeRules.calendarFor(n.region_code)) : null;
      await tx.query(`UPDATE notice_response SET verdict = $3, review_note = $4, reviewed_by = $5, reviewed_at = $6 WHERE notice_id = $1 AND round = $2`, [
        n.id,
        n.round,
        cmd.verdict,
        cmd.note ?? null,
        cmd.by.userId ?? '',
        now,
      ]);
      await tx.query(
        `UPDATE supervision_notice SET state = $2, accepted_at = $3, response_due_at = COALESCE($4, response_due_at), updated_at = now() WHERE id = $1`,
        [n.id, state, state === 'accepted' ? now : null, nextDue],
      );
      await appendToOutbox(tx, NoticeReviewed, {
        noticeId: n.id,
        grievanceId: n.grievance_id,
        trackingCode: n.tracking_code,
        orgCode: n.org_code,
        round: n.round,
        verdict: cmd.verdict,
        ...(nextDue ? { responseDueAt: nextDue.toISOString() } : {}),
        reviewedAt: now.toISOString(),
      });
      return readNotice(tx, n.id, now);
    });
    this.relay?.kick();
    return view;
  }

  get(id: string, now = new Date()): Promise<NoticeView> {
    return this.db.transaction((tx) => readNotice(tx, id, now));
  }

  /** Newest first over (issued_at, id); the overdue filter reads the pending partial index. */
  async list(q: NoticeQuery, now = new Date()): Promise<NoticePage> {
    const filter = new SqlFilter();
    if (q.regionCode) filter.add('n.region_code LIKE ?', regionPrefix(q.regionCode));
    if (q.orgCode) filter.add('n.org_code = ?', q.orgCode);
    if (q.grievanceId) filter.add('n.grievance_id = ?', q.grievanceId);
    if (q.level) filter.add('n.level = ?', q.level);
    if (q.state) filter.add('n.state = ?', q.state);
    if (q.overdue !== undefined) filter.add(`${q.overdue ? '' : 'NOT '}${rules.overdueSql(filter.param(now))}`);
    const page = await keysetPage(filter, q, BY_ISSUED_AT, async (tail) => (await this.db.query(`SELECT n.* FROM supervision_notice n ${tail}`, filter.params)) as NoticeRow[]);
    const views = await toViews(this.db.manager, page.rows, now);
    return { items: views.map((v, i) => ({ ...v, cursor: page.cursorOf(page.rows[i] as NoticeRow) })), nextCursor: page.nextCursor };
  }
}
