import type { QueryContract } from '@yikouban/contracts';
import { RpcCallError, type RpcClient } from '@yikouban/messaging';

type Responder = (payload: never) => unknown;

/** Stands in for RpcClient in unit tests: answers per subject, records every call. */
export class FakeRpcClient {
  readonly calls: { subject: string; payload: object }[] = [];
  private readonly responders = new Map<string, Responder>();

  on<Req extends object, Res>(contract: QueryContract<Req, Res>, respond: (payload: Req) => Res | Promise<Res>): this {
    this.responders.set(contract.subject, respond as Responder);
    return this;
  }

  async request<Req extends object, Res>(contract: QueryContract<Req, Res>, payload: Req): Promise<Res> {
    this.calls.push({ subject: contract.subject, payload });
    const respond = this.responders.get(contract.subject);
    // What a real client reports when nothing answers the subject in time.
    if (!respond) throw new RpcCallError('UNAVAILABLE', `${contract.subject}: Timeout has occurred`);
    return (await respond(payload as never)) as Res;
  }

  async connect(): Promise<void> {}
  async close(): Promise<void> {}

  /** Typed as the real client for injection; only request/connect/close are ever called. */
  asClient(): RpcClient {
    return this as unknown as RpcClient;
  }
}
