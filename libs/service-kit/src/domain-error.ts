import type { FieldProblem } from '@yikouban/contracts';
import type { RpcErrorCode } from '@yikouban/messaging';

/** A domain error with a stable code; each edge (HTTP, GraphQL, NATS reply) translates it once. */
export class DomainError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
