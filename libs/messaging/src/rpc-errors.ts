import { RpcException } from '@nestjs/microservices';
import type { FieldProblem } from '@yikouban/contracts';

/** Stable error codes that cross service boundaries and end up in GraphQL `extensions.code`. */
export type RpcErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAVAILABLE' | 'INTERNAL';

export interface RpcErrorBody {
  code: RpcErrorCode;
  message: string;
  fields?: FieldProblem[];
}

/** Thrown by a query handler; travels to the caller as { code, message, fields }. */
export class RpcDomainException extends RpcException {
  constructor(readonly body: RpcErrorBody) {
    super(body);
  }
}

/** What an RpcClient call rejects with. */
export class RpcCallError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'RpcCallError';
  }

  static from(err: unknown, subject: string): RpcCallError {
    const body = err as Partial<RpcErrorBody> | undefined;
    if (body && typeof body === 'object' && typeof body.code === 'string' && typeof body.message === 'string') {
      return new RpcCallError(body.code as RpcErrorCode, body.message, body.fields);
    }
    const message = err instanceof Error ? err.message : String((body as { message?: unknown })?.message ?? err);
    const unavailable = /timeout|no responders|empty response|connection/i.test(message);
    return new RpcCallError(unavailable ? 'UNAVAILABLE' : 'INTERNAL', `${subject}: ${message}`);
  }
}
