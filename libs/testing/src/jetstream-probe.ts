import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient, type JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';

/** A test's own window on JetStream: publish raw messages, read what a stream holds. */
export class JetStreamProbe {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
  ) {}

  static async connect(url: string): Promise<JetStreamProbe> {
    const nc = await connect({ servers: url });
    return new JetStreamProbe(nc, jetstream(nc));
  }

  async publish(subject: string, body: unknown, msgID?: string): Promise<void> {
    const h = natsHeaders();
    await this.js.publish(subject, typeof body === 'string' ? body : JSON.stringify(body), { msgID, headers: h });
  }

  /** Every message a stream holds on a subject, read with a throw-away consumer. */
  async read(stream: string, subject: string, max = 1000): Promise<JsMsg[]> {
    const jsm = await jetstreamManager(this.nc);
    let info;
    try {
      info = await jsm.streams.info(stream);
    } catch {
      return [];
    }
    if (info.state.messages === 0) return [];
    const ci = await jsm.consumers.add(stream, { ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, filter_subject: subject, inactive_threshold: 5_000_000_000 });
    const consumer = await this.js.consumers.get(stream, ci.name);
    const out: JsMsg[] = [];
    const pending = ci.num_pending;
    if (pending === 0) return out;
    const iter = await consumer.fetch({ max_messages: Math.min(max, pending), expires: 2000 });
    for await (const m of iter) {
      out.push(m);
      if (out.length >= Math.min(max, pending)) break;
    }
    return out;
  }

  /** Removes every stream of a namespace, so test runs leave nothing behind. */
  async deleteStreams(prefix: string): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    for await (const s of jsm.streams.list()) {
      if (s.config.name.startsWith(prefix.toUpperCase() + '_')) await jsm.streams.delete(s.config.name);
    }
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
