import { ClientNats, NatsRecordBuilder } from '@nestjs/microservices';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { firstValueFrom, timeout } from 'rxjs';
import type { QueryContract } from '@yikouban/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from '@yikouban/observability';
import type { Namespace } from './naming';
import { RpcCallError } from './rpc-errors';

class NamespacedNatsClient extends ClientNats {
  constructor(
    private readonly ns: Namespace,
    options: ConstructorParameters<typeof ClientNats>[0],
  ) {
    super(options);
  }
  protected override normalizePattern(pattern: Parameters<ClientNats['normalizePattern']>[0]): string {
    return this.ns.subject(super.normalizePattern(pattern));
  }
}

/** Typed request/reply over Nest's NATS transport, carrying the correlation id. */
export class RpcClient {
  private readonly client: NamespacedNatsClient;

  constructor(ns: Namespace, url: string, name: string, private readonly timeoutMs = 5000) {
    this.client = new NamespacedNatsClient(ns, { servers: url.split(','), name, maxReconnectAttempts: -1 });
  }

  connect(): Promise<unknown> {
    return this.client.connect();
  }

  async request<Req extends object, Res>(contract: QueryContract<Req, Res>, payload: Req): Promise<Res> {
    const h = natsHeaders();
    const correlation = currentCorrelationId();
    if (correlation) h.set(CORRELATION_HEADER, correlation);
    const record = new NatsRecordBuilder(payload).setHeaders(h).build();
    try {
      return await firstValueFrom(this.client.send<Res>(contract.subject, record).pipe(timeout(this.timeoutMs)));
    } catch (err) {
      throw RpcCallError.from(err, contract.subject);
    }
  }

  close(): Promise<unknown> {
    return this.client.close();
  }
}
