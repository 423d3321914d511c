import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from './roles';

/** Where the guard leaves the principal: the HTTP request, or the GraphQL operation's context. */
export interface PrincipalHolder {
  principal?: Principal;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function authorizationIn(bag: unknown): string | undefined {
  const v = field(bag, 'authorization') ?? field(bag, 'Authorization');
  return typeof v === 'string' ? v : undefined;
}

/**
 * The Authorization value of whatever carries this call:
 * HTTP (controllers, GraphQL over HTTP): the header;
 * graphql-ws subscriptions: `connectionParams.authorization` (browsers cannot set headers on a
 * WebSocket), else the upgrade request's header. Apollo's default context puts the graphql-ws
 * context under `req`; a custom context may spread it at the top.
 */
export function authorizationOf(context: ExecutionContext): string | undefined {
  const type = context.getType<string>();
  if (type === 'http') return authorizationIn(field(context.switchToHttp().getRequest(), 'headers'));
  if (type !== 'graphql') return undefined;
  const ctx = GqlExecutionContext.create(context).getContext<unknown>();
  const req = field(ctx, 'req');
  return (
    authorizationIn(field(req, 'headers')) ??
    authorizationIn(field(req, 'connectionParams')) ??
    authorizationIn(field(ctx, 'connectionParams')) ??
    authorizationIn(field(field(field(req, 'extra'), 'request'), 'headers'))
  );
}

/** The object the principal is kept on for this call; undefined for transports the gateway does not serve. */
export function principalHolderOf(context: ExecutionContext): PrincipalHolder | undefined {
  const type = context.getType<string>();
  const holder: unknown =
    type === 'http' ? context.switchToHttp().getRequest() : type === 'graphql' ? GqlExecutionContext.create(context).getContext<unknown>() : undefined;
  return typeof holder === 'object' && holder !== null ? (holder as PrincipalHolder) : undefined;
}

/** The token of `Bearer <token>`; undefined for a missing header; null for a header that is not a bearer token. */
export function bearerToken(authorization: string | undefined): string | null | undefined {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(authorization.trim());
  return match ? match[1] : null;
}

/** The client's address for throttling: Express's req.ip (honours `trust proxy` when the app sets it). */
export function clientAddressOf(holder: unknown): string {
  const ip = field(field(holder, 'req'), 'ip') ?? field(holder, 'ip');
  return typeof ip === 'string' && ip ? ip : 'unknown';
}
