import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import { CalendarChanged, type AddCalendarOverride, type CalendarOverrideView, type RemoveCalendarOverride, type WorkingCalendarQuery, type WorkingCalendarView } from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { jurisdictionChain, type StoredOverride } from './active-rules';
import { AdministrationError } from './administration.errors';
import { staffId } from './actor';
import { dateRange, describeDays, requireDate } from './calendar-days';
import { checkOverride } from './override-rules';
import { ActiveRulesRefresher } from './rules-refresher';
import { OVERRIDE_COLUMNS, toOverride, type OverrideRow } from './rules.store';

const toView = (o: StoredOverride): CalendarOverrideView => ({ jurisdiction: o.jurisdiction, date: o.date, kind: o.kind, note: o.reason, createdBy: o.createdBy, createdAt: o.createdAt.toISOString() });

/**
 * A jurisdiction's working calendar: the national holiday and 调休 schedule with the override days
 * its administrator (or one above) entered. Each change is stored with its calendar.changed fact
 * in one transaction, then this replica's planner sees it at once (the others within the TTL).
 */
@Injectable()
export class CalendarAdministration {
  private readonly source = new ChineseDaysSource();

  constructor(
    private readonly db: DataSource,
    private readonly refresher: ActiveRulesRefresher,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  /** Read from the database, not the snapshot: the administrator sees a change the moment it is made. */
  async days(q: WorkingCalendarQuery): Promise<WorkingCalendarView> {
    const dates = dateRange(q.from, q.to);
    const chain = jurisdictionChain(q.jurisdiction);
    const rows = (await this.db.query(`SELECT ${OVERRIDE_COLUMNS} FROM calendar_override WHERE jurisdiction = ANY($1) AND date BETWEEN $2 AND $3`, [chain, q.from, q.to])) as OverrideRow[];
    // nearest jurisdiction wins on a date
    const nearest = rows.map(toOverride).sort((a, b) => a.jurisdiction.length - b.jurisdiction.length);
    const years = new Set(dates.map((d) => Number(d.slice(0, 4))));
    return {
      jurisdiction: q.jurisdiction,
      from: q.from,
      to: q.to,
      officialData: [...years].every((y) => this.source.hasOfficialData(y)),
      days: describeDays(this.source, nearest, dates),
    };
  }

  async add(cmd: AddCalendarOverride, now = new Date()): Promise<CalendarOverrideView> {
    const by = staffId(cmd.by);
    requireDate(cmd.date, 'date');
    const note = cmd.note.trim();
    const result = await this.db.transaction(async (tx) => {
      // one administrator at a time per jurisdiction: the check and the insert see the same rows
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar:${cmd.jurisdiction}`]);
      const rows = (await tx.query(`SELECT ${OVERRIDE_COLUMNS} FROM calendar_override WHERE jurisdiction = ANY($1) AND date = $2`, [jurisdictionChain(cmd.jurisdiction), cmd.date])) as OverrideRow[];
      const own = rows.find((r) => r.jurisdiction === cmd.jurisdiction);
      const above = rows.filter((r) => r.jurisdiction !== cmd.jurisdiction).sort((a, b) => a.jurisdiction.length - b.jurisdiction.length).map(toOverride);
      const inherited = new WorkingCalendar(this.source, above.slice(-1));
      if (checkOverride({ ...cmd, note }, own && toOverride(own), inherited) === 'replay') return { view: toView(toOverride(own as OverrideRow)), changed: false };
      const [row] = (await tx.query(
        `INSERT INTO calendar_override (jurisdiction, date, kind, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${OVERRIDE_COLUMNS}`,
        [cmd.jurisdiction, cmd.date, cmd.kind, note, by, now],
      )) as OverrideRow[];
      await appendToOutbox(tx, CalendarChanged, { jurisdiction: cmd.jurisdiction, date: cmd.date, change: 'added', kind: cmd.kind, note, by, at: now.toISOString() });
      return { view: toView(toOverride(row)), changed: true };
    });
    if (result.changed) await this.changed();
    return result.view;
  }

  async remove(cmd: RemoveCalendarOverride, now = new Date()): Promise<CalendarOverrideView> {
    const by = staffId(cmd.by);
    requireDate(cmd.date, 'date');
    const view = await this.db.transaction(async (tx) => {
      // TypeORM answers a DELETE … RETURNING with [rows, count]
      const [[row]] = (await tx.query(`DELETE FROM calendar_override WHERE jurisdiction = $1 AND date = $2 RETURNING ${OVERRIDE_COLUMNS}`, [cmd.jurisdiction, cmd.date])) as [OverrideRow[], number];
      if (!row) throw new AdministrationError('override_not_found', `${cmd.jurisdiction} 在 ${cmd.date} 没有调整 / no override on ${cmd.date}`, 'date');
      await appendToOutbox(tx, CalendarChanged, { jurisdiction: cmd.jurisdiction, date: cmd.date, change: 'removed', kind: row.kind, note: row.note, by, at: now.toISOString() });
      return toView(toOverride(row));
    });
    await this.changed();
    return view;
  }

  private async changed(): Promise<void> {
    this.relay?.kick();
    await this.refresher.refreshNow();
  }
}

