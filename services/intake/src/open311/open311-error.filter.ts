import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@yikouban/service-kit';
import { formatOfPath, sendOpen311 } from './format/response-format';
import { CatalogueUnavailableError, Open311Error } from './open311.errors';

const DOMAIN_STATUS: Record<string, number> = { BAD_REQUEST: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, UNAVAILABLE: 503 };

/** Turns anything thrown into the spec's error list; unknown errors are logged, never shown. */
export function toOpen311Error(err: unknown, log: (err: unknown) => void = () => undefined): Open311Error {
  if (err instanceof Open311Error) return err;
  if (err instanceof CatalogueUnavailableError) {
    return new Open311Error(503, ['服务目录暂时无法获取，请稍后再试 (the service list is unavailable right now; try again later)']);
  }
  if (err instanceof DomainError && DOMAIN_STATUS[err.code]) {
    const details = err.fields?.length ? err.fields.map((f) => `${f.field}: ${f.problems.join('; ')}`) : [err.message];
    return new Open311Error(DOMAIN_STATUS[err.code], details);
  }
  if (err instanceof HttpException && err.getStatus() < 500) {
    const status = err.getStatus();
    const text = status === 429 ? '请求过于频繁，请稍后再试 (too many requests; slow down)' : err.message;
    return new Open311Error(status, [text]);
  }
  log(err);
  return new Open311Error(500, ['服务器内部错误 (internal error)']);
}

/**
 * Scoped to the Open311 controllers: GeoReport v2 clients expect `[{code, description}]`
 * (or `<errors><error>…`), not the platform's `{ error: {…} }`.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw err;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const error = toOpen311Error(err, (e) => this.logger.error(`unhandled error: ${(e as Error)?.message}`, (e as Error)?.stack));
    sendOpen311(res, formatOfPath(req.path), error.status, 'errors', error.items.map((i) => ({ code: i.code, description: i.description })));
  }
}
