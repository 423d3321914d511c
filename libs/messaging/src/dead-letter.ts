import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { ServiceName } from '@yikouban/contracts';
import type { Namespace } from './naming';

/**
 * Sends a message that cannot be processed to `dlq.<service>.<subject>` (kept in the DLQ stream)
 * with the reason, so it is inspectable and replayable and never blocks its stream.
 */
export class DeadLetters {
  constructor(
    private readonly js: JetStreamClient,
    private readonly ns: Namespace,
    private readonly service: ServiceName,
  ) {}

  async send(msg: JsMsg, reason: string): Promise<void> {
    const original = this.ns.unprefix(msg.subject);
    const h = natsHeaders();
    h.set('x-dlq-reason', reason.slice(0, 1000).replace(/[\r\n]+/g, ' '));
    h.set('x-dlq-subject', original);
    h.set('x-dlq-stream-seq', String(msg.seq));
    h.set('x-dlq-deliveries', String(msg.info.deliveryCount));
    const correlation = msg.headers?.get('x-correlation-id');
    if (correlation) h.set('x-correlation-id', correlation);
    await this.js.publish(this.ns.deadLetterSubject(this.service, original), msg.data, { headers: h });
  }
}
