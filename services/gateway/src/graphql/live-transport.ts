import type { IncomingMessage } from 'node:http';
import {
  execute,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  subscribe,
  validate,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { ConnectionAuthenticator } from '../auth/connection-authenticator';
import { ConnectionExpiry, type ClosableSocket, type ExpiryScheduler } from './connection-expiry';
import type { LiveAccessRecheck } from './live-access-recheck';
import { costLimitError, queryLimitRules, type QueryLimits } from './query-limits';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface LiveTransportOptions {
  /** undefined: no live connection is admitted (deny by default). */
  authenticator?: ConnectionAuthenticator;
  limits: QueryLimits;
  production: boolean;
  formatError: FormatError;
  /** When a connection's token expiry is acted on; setTimeout unless a test injects its own. */
  expiryScheduler?: ExpiryScheduler;
  /** Re-checks each open connection's holder periodically, closing revoked ones (4403, "access revoked"). */
  recheck?: LiveAccessRecheck;
}

/** graphql-ws keeps the socket and the upgrade request in `extra` when run on `ws`. */
interface WsExtra {
  socket?: ClosableSocket;
  request?: IncomingMessage;
}

/**
 * The graphql-ws server's options (live boards): the same rules as HTTP — sign-in at
 * connection_init (the socket closed when that token expires or its holder is revoked), depth,
 * alias and cost limits, no introspection in production, and errors shaped by the same
 * formatError so a client sees the same stable codes on both transports.
 */
export function liveTransportOptions(options: LiveTransportOptions): Partial<ServerOptions> & { path: string } {
  const rules = [...specifiedRules, ...queryLimitRules(options.limits), ...(options.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const costly = (args: ExecutionArgs) => costLimitError(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined, options.limits.maxCost);
  const format = (errors: readonly GraphQLError[]) => errors.map((e) => options.formatError(e.toJSON(), e));
  const expiry = new ConnectionExpiry(options.expiryScheduler);
  return {
    path: '/graphql',
    // Returning false closes the socket with 4403 Forbidden before any operation; an admitted
    // socket is closed (4403, "access token expired") when its token runs out, and (4403,
    // "access revoked") when a re-check finds its holder disabled, signed out or moved.
    onConnect: async (ctx) => {
      const extra = ctx.extra as WsExtra;
      const admitted = await options.authenticator?.authenticate({ connectionParams: ctx.connectionParams, headers: extra.request?.headers });
      if (!admitted) return false;
      expiry.watch(ctx, extra.socket, admitted.expiresInMs);
      options.recheck?.watch(ctx, extra.socket, admitted.holder);
      return true;
    },
    onClose: (ctx) => {
      expiry.release(ctx);
      options.recheck?.release(ctx);
    },
    validate: (schema, document) => validate(schema, document, rules),
    execute: (args) => {
      const error = costly(args);
      return error ? { errors: [error] } : execute(args);
    },
    subscribe: (args) => {
      const error = costly(args);
      return error ? { errors: [error] } : subscribe(args);
    },
    onError: (_ctx, _id, _payload, errors) => format(errors),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors?.length ? { ...result, errors: format(result.errors) } : undefined),
  };
}
