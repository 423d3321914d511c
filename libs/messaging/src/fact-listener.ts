import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { validateEnvelope, type EventContract } from '@yikouban/contracts';
import type { Namespace } from './naming';

/**
 * Hears every fact of `contract` in this process: a plain (core NATS, non-durable) subscription
 * on the subject JetStream stores the fact under, with no queue group, so every replica hears
 * every fact. For what each process keeps in memory (a cache to drop, a live view to push); work
 * that must happen exactly once belongs in a durable EventHandler. A fact published while a
 * process is down is missed, so what it keeps must also expire or reload on its own.
 *
 * A malformed fact is skipped and reported through `warn` (the owner's consumers dead-letter it);
 * a failing `onFact` is reported the same way and never reaches the connection.
 */
export function listenToFacts<T extends object>(
  nc: NatsConnection,
  ns: Namespace,
  contract: EventContract<T>,
  onFact: (data: T) => void | Promise<void>,
  warn: (message: string) => void,
): Subscription {
  return nc.subscribe(ns.subject(contract.subject), {
    callback: (err, msg) => {
      if (err) return warn(`${contract.subject} subscription: ${err.message}`);
      void (async () => {
        const checked = await validateEnvelope(contract, msg.json<unknown>());
        if (!checked.ok) return warn(`ignored a malformed ${contract.subject}: ${checked.reason}`);
        await onFact(checked.value.data);
      })().catch((e: unknown) => warn(`could not handle ${contract.subject}: ${(e as Error).message}`));
    },
  });
}
