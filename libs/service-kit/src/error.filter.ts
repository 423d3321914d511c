import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { currentCorrelationId, type JsonLogger } from '@yikouban/observability';
import { DomainError } from './domain-error';

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/**
 * The one place errors are shaped. HTTP: { error: { code, message, fields? }, correlationId }.
 * NATS replies: { code, message, fields? }. Unknown errors are logged and answered generically,
 * without internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(err: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() === 'rpc') return this.rpcReply(err);
    if (host.getType() !== 'http') throw err;
    const res = host.switchToHttp().getResponse<Response>();
    const correlationId = currentCorrelationId();
    if (err instanceof DomainError) {
      res.status(STATUS[err.code] ?? 500).json({ error: { code: err.code, message: err.message, fields: err.fields }, correlationId });
      return;
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const body = err.getResponse() as { message?: unknown; fields?: unknown };
      const code = status === 400 ? 'BAD_REQUEST' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : `HTTP_${status}`;
      const message = Array.isArray(body?.message) ? body.message.join('; ') : String(body?.message ?? err.message);
      res.status(status).json({ error: { code, message, fields: body?.fields }, correlationId });
      return;
    }
    // body-parser errors (malformed JSON, too large) carry a status of their own
    const status = (err as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', message: (err as Error).message }, correlationId });
      return;
    }
    this.logger.event('error', 'unhandled error', { error: (err as Error)?.message, stack: (err as Error)?.stack }, 'ErrorFilter');
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ error: { code: 'INTERNAL', message: 'internal error' }, correlationId });
  }

  private rpcReply(err: unknown): Observable<never> {
    if (err instanceof RpcException) return throwError(() => err.getError());
    if (err instanceof DomainError) return throwError(() => ({ code: err.code, message: err.message, fields: err.fields }));
    this.logger.event('error', 'unhandled error in query handler', { error: (err as Error)?.message, stack: (err as Error)?.stack }, 'ErrorFilter');
    return throwError(() => ({ code: 'INTERNAL', message: 'internal error' }));
  }
}
