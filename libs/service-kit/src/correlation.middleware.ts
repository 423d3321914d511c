import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, sanitizeCorrelationId, withCorrelation, currentCorrelationId } from '@yikouban/observability';

/** Takes the caller's correlation id (or makes one), echoes it, and scopes the request to it. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  withCorrelation(sanitizeCorrelationId(req.header(CORRELATION_HEADER)), () => {
    res.setHeader(CORRELATION_HEADER, currentCorrelationId() as string);
    next();
  });
}
