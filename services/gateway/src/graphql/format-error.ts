import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { FieldProblem } from '@yikouban/contracts';
import { RpcCallError, type RpcErrorCode } from '@yikouban/messaging';
import type { JsonLogger } from '@yikouban/observability';
import { DomainError } from '@yikouban/service-kit';
import { QUERY_LIMIT_CODES, type QueryLimitCode } from './query-limits';

export const UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试 / Service temporarily unavailable, please retry';
export const INTERNAL_MESSAGE = '内部错误 / Internal server error';

/** The codes a GraphQL client sees in `extensions.code`. */
export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | QueryLimitCode
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

const FROM_DOMAIN: Record<RpcErrorCode, GatewayErrorCode> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

// 401 and 429 come from the auth guard and the sign-in throttle (auth/auth.errors.ts).
const FROM_HTTP_STATUS: Record<number, GatewayErrorCode> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 429: 'TOO_MANY_REQUESTS' };

/** graphql's own error for a request that never reached a resolver: the error itself, or the rule's error Apollo wrapped. */
function requestLevelError(error: GraphQLError): GraphQLError | undefined {
  if (!error.originalError) return error;
  return error.originalError instanceof GraphQLError && !error.originalError.originalError ? error.originalError : undefined;
}

function shaped(formatted: GraphQLFormattedError, code: GatewayErrorCode, message: string, fields?: FieldProblem[], extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...(fields?.length ? { fields } : {}), ...extra } };
}

/**
 * The one place GraphQL errors are shaped (STYLE.md §8): domain and RPC codes become
 * `extensions.code`, validation problems carry their `fields`, and anything unexpected is logged
 * and answered with a generic message — never a stack trace or another service's internals.
 */
export function createFormatError(logger: JsonLogger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const cause = unwrapResolverError(error);
    if (cause instanceof RpcCallError || cause instanceof DomainError) {
      const code = FROM_DOMAIN[cause.code] ?? 'INTERNAL_SERVER_ERROR';
      if (code === 'SERVICE_UNAVAILABLE' || code === 'INTERNAL_SERVER_ERROR') {
        logger.event(code === 'SERVICE_UNAVAILABLE' ? 'warn' : 'error', 'query failed', { code: cause.code, error: cause.message, path: formatted.path }, 'GraphQL');
        return shaped(formatted, code, code === 'SERVICE_UNAVAILABLE' ? UNAVAILABLE_MESSAGE : INTERNAL_MESSAGE);
      }
      return shaped(formatted, code, cause.message, cause.fields);
    }
    if (cause instanceof HttpException) {
      const code = FROM_HTTP_STATUS[cause.getStatus()];
      const body = cause.getResponse() as { message?: unknown; fields?: FieldProblem[]; retryAfterSeconds?: unknown };
      if (code) {
        const message = typeof body?.message === 'string' ? body.message : Array.isArray(body?.message) ? body.message.join('; ') : cause.message;
        // TOO_MANY_REQUESTS says when to come back (the sign-in throttle, the public rate limit).
        const retry = typeof body?.retryAfterSeconds === 'number' ? { retryAfterSeconds: body.retryAfterSeconds } : {};
        return shaped(formatted, code, message, body?.fields, retry);
      }
    }
    // Parse, validation and variable errors come from graphql itself: their code and message are safe to show.
    // Apollo wraps a validation rule's error (code GRAPHQL_VALIDATION_FAILED), keeping it as originalError.
    const own = error instanceof GraphQLError && !formatted.path ? requestLevelError(error) : undefined;
    if (own) {
      const limit = QUERY_LIMIT_CODES.find((c) => c === own.extensions.code);
      const extensions = limit ? { code: limit, limit: own.extensions.limit, actual: own.extensions.actual } : { code: formatted.extensions?.code ?? 'BAD_USER_INPUT' };
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    logger.event('error', 'unhandled error in resolver', { error: (cause as Error)?.message, stack: (cause as Error)?.stack, path: formatted.path }, 'GraphQL');
    return shaped(formatted, 'INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE);
  };
}
