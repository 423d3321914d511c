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

/** `ifKnown`: add the step only when intake holds the grievance (a fact about one it never registered adds nothing). */
export async function addTimelineEntry(
  tx: EntityManager,
  grievanceId: string,
  at: Date,
  kind: TimelineKind,
  detail: TimelineEntry['detail'] = {},
  options: { ifKnown?: boolean } = {},
): Promise<void> {
  const params = [grievanceId, at, kind, JSON.stringify(detail)];
  if (!options.ifKnown) await tx.query('INSERT INTO timeline_entry (grievance_id, at, kind, detail) VALUES ($1, $2, $3, $4)', params);
  else {
    await tx.query(
      `INSERT INTO timeline_entry (grievance_id, at, kind, detail)
       SELECT $1::uuid, $2::timestamptz, $3::text, $4::jsonb WHERE EXISTS (SELECT 1 FROM grievance WHERE id = $1::uuid)`,
      params,
    );
  }
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
  const applied = (await tx.query(CLOCK_STEP_UPSERT, clockStepParams(grievanceId, clockId, at, kind, detail, asOf))) as unknown[];
  return applied.length > 0;
}

/** setClockTimelineEntry's statement ($1–$6, clockStepParams), for a caller that writes more in the same statement (a WITH). */
export const CLOCK_STEP_UPSERT = `INSERT INTO timeline_entry (grievance_id, at, kind, detail, clock_id, clock_as_of) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (clock_id) WHERE clock_id IS NOT NULL DO UPDATE SET at = EXCLUDED.at, detail = EXCLUDED.detail, clock_as_of = EXCLUDED.clock_as_of
       WHERE timeline_entry.clock_as_of IS NULL OR timeline_entry.clock_as_of <= EXCLUDED.clock_as_of
     RETURNING id`;

export function clockStepParams(grievanceId: string, clockId: string, at: Date, kind: TimelineKind, detail: TimelineEntry['detail'], asOf: Date): unknown[] {
  return [grievanceId, at, kind, JSON.stringify(detail), clockId, asOf];
}

export async function readTimeline(tx: EntityManager, grievanceId: string): Promise<TimelineEntry[]> {
  const rows: { at: Date; kind: TimelineKind; detail: TimelineEntry['detail'] }[] = await tx.query(
    'SELECT at, kind, detail FROM timeline_entry WHERE grievance_id = $1 ORDER BY at, id',
    [grievanceId],
  );
  return rows.map((r) => ({ at: r.at.toISOString(), kind: r.kind, detail: r.detail }));
}
