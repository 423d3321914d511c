import { ServerNats } from '@nestjs/microservices';
import { validatePayload, type QueryContract } from '@yikouban/contracts';
import { CORRELATION_HEADER, withCorrelation } from '@yikouban/observability';
import type { Namespace } from './naming';
import { RpcDomainException } from './rpc-errors';

type NatsMsgLike = { headers?: { get(k: string): string } };

/**
 * Nest's NATS transport with the namespace applied to every @MessagePattern subject and the
 * caller's correlation id restored around each handler. Queue group = service name, so
 * replicas share requests.
 */
export class NamespacedNatsServer extends ServerNats {
  constructor(
    private readonly ns: Namespace,
    options: ConstructorParameters<typeof ServerNats>[0],
  ) {
    super(options);
  }

  override normalizePattern(pattern: Parameters<ServerNats['normalizePattern']>[0]): string {
    const route = super.normalizePattern(pattern);
    return this.ns.prefix && route.startsWith(this.ns.prefix + '.') ? route : this.ns.subject(route);
  }

  override async handleMessage(channel: string, natsMsg: Parameters<ServerNats['handleMessage']>[1]): Promise<unknown> {
    const correlation = (natsMsg as NatsMsgLike).headers?.get(CORRELATION_HEADER) || undefined;
    return withCorrelation(correlation, () => super.handleMessage(channel, natsMsg));
  }
}

/** Validates a query's payload at the handler's door; a bad one is a BAD_REQUEST with fields. */
export async function validQuery<Req extends object>(contract: QueryContract<Req, unknown>, data: unknown): Promise<Req> {
  const result = await validatePayload(contract.requestClass, data);
  if (!result.ok) throw new RpcDomainException({ code: 'BAD_REQUEST', message: result.reason, fields: result.fields });
  return result.value;
}
