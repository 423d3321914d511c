import { RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';

const TWO_MINUTES_NS = 2 * 60 * 1_000_000_000;

/**
 * Creates the stream or widens its subjects: safe to run from every replica at every start.
 * The dedupe window makes a relay's re-publish after a crash a no-op (Nats-Msg-Id = event id).
 */
export async function ensureStream(jsm: JetStreamManager, name: string, subjects: string[], replicas = 1): Promise<void> {
  try {
    const info = await jsm.streams.info(name);
    const have = new Set(info.config.subjects ?? []);
    if (subjects.every((s) => have.has(s))) return;
    await jsm.streams.update(name, { ...info.config, subjects: [...new Set([...have, ...subjects])] });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    try {
      await jsm.streams.add({
        name,
        subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: TWO_MINUTES_NS,
        num_replicas: replicas,
      });
    } catch (addErr) {
      // Another replica created it between our info and add: fine, run again to merge subjects.
      if (!String((addErr as Error).message).includes('already in use')) throw addErr;
      await ensureStream(jsm, name, subjects, replicas);
    }
  }
}

export function isNotFound(err: unknown): boolean {
  const msg = String((err as Error)?.message ?? '');
  return msg.includes('not found') || (err as { code?: unknown })?.code === 404;
}
