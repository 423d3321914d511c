import type { EntityManager } from 'typeorm';

/** The steps a citizen sees. Each carries only public facts: names of units, dates, roads. */
export type TimelineKind =
  | 'received'
  | 'triaged'
  | 'assigned'
  | 'deadline_set'
  | 'deadline_extended'
  | 'replied'
  | 'evaluated'
  | 'closed'
  | 'withdrawn'
  | 'mediation_returned'
  | 'redirected_to_competent_level';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  detail: Record<string, string | number | boolean | null>;
}

export async function addTimelineEntry(tx: EntityManager, grievanceId: string, at: Date, kind: TimelineKind, detail: TimelineEntry['detail'] = {}): Promise<void> {
  await tx.query('INSERT INTO timeline_entry (grievance_id, at, kind, detail) VALUES ($1, $2, $3, $4)', [grievanceId, at, kind, JSON.stringify(detail)]);
}

/**
 * The step one of supervision's clocks stands for. A clock announced again (re-planned, re-anchored on
 * the receipt) moves its step to the new start and due date rather than adding a second one.
 * `asOf` is when supervision announced it: an older announcement arriving later (a redelivered
 * batch) changes nothing; an equal one is applied (the later arrival of two same-instant facts).
 * Returns whether the step now shows this announcement.
 */
export async function setClockTimelineEntry(
  tx: EntityManager,
  grievanceId: string,
  clockId: string,
  at: Date,
  kind: TimelineKind,
  detail: TimelineEntry['detail'],
  asOf: Date,
): Promise<boolean> {
  const applied = (await tx.query(
    `INSERT INTO timeline_entry (grievance_id, at, kind, detail, clock_id, clock_as_of) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (clock_id) WHERE clock_id IS NOT NULL DO UPDATE SET at = EXCLUDED.at, detail = EXCLUDED.detail, clock_as_of = EXCLUDED.clock_as_of
       WHERE timeline_entry.clock_as_of IS NULL OR timeline_entry.clock_as_of <= EXCLUDED.clock_as_of
     RETURNING id`,
    [grievanceId, at, kind, JSON.stringify(detail), clockId, asOf],
  )) as unknown[];
  return applied.length > 0;
}

export async function readTimeline(tx: EntityManager, grievanceId: string): Promise<TimelineEntry[]> {
  const rows: { at: Date; kind: TimelineKind; detail: TimelineEntry['detail'] }[] = await tx.query(
    'SELECT at, kind, detail FROM timeline_entry WHERE grievance_id = $1 ORDER BY at, id',
    [grievanceId],
  );
  return rows.map((r) => ({ at: r.at.toISOString(), kind: r.kind, detail: r.detail }));
}
