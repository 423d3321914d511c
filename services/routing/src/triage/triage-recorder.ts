import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { GrievanceTriaged } from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import type { TriageDecision } from './triage.types';

/** Stores a triage decision and publishes it, in the caller's transaction. */
export async function recordTriage(
  tx: EntityManager,
  grievanceId: string,
  categoryCode: string | null,
  d: TriageDecision,
  /** listVersion: the classification list that classified it; an override keeps the one of the decision it replaces. */
  by: { decidedBy: string; replaces?: string; overrideReason?: string; listVersion?: number },
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO triage_decision (id, grievance_id, category_code, statutory_path, diversion, complexity, colour, colour_policy, reason, guided_to, decided_by, decided_at, replaces, override_reason, list_version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14, COALESCE($15::int, (SELECT list_version FROM triage_decision WHERE id = $13)))`,
    [id, grievanceId, categoryCode, d.statutoryPath, d.diversion, d.complexity, d.colour, d.colourPolicy, JSON.stringify(d.reason), d.guidedTo, by.decidedBy, now, by.replaces ?? null, by.overrideReason ?? null, by.listVersion ?? null],
  );
  await appendToOutbox(tx, GrievanceTriaged, {
    grievanceId,
    ...(categoryCode ? { categoryCode } : {}),
    statutoryPath: d.statutoryPath,
    ...(d.diversion ? { diversion: d.diversion } : {}),
    complexity: d.complexity,
    colour: d.colour,
    reason: d.reason.zh,
    decidedBy: by.decidedBy,
    decidedAt: now.toISOString(),
  });
  return id;
}
