import type { ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Allow, Public } from './allow.decorator';
import { AuthMessages, ForbiddenError, UnauthenticatedError } from './auth.errors';
import { AuthGuard } from './auth.guard';
import { RequireScopes } from './require-scopes.decorator';
import type { Principal } from './roles';
import { InMemoryAccessRevocations, TEST_SESSION_ID, testAccessTokenAuthenticator, TestTokenService } from './testing/test-access';

const clock = { ms: Date.parse('2025-03-01T08:00:00Z') };
const tokens = new TestTokenService({ jwtSecret: 'guard-test-secret-with-32-characters-min', accessTokenTtlSeconds: 900, refreshTokenTtlHours: 12, production: false, now: () => clock.ms });
const court: Principal = { kind: 'staff', id: 'u-court', role: 'court', orgCode: 'court_330621', regionCode: '330621', scopes: [] };
const operator: Principal = { kind: 'staff', id: 'u-op', role: 'command_operator', orgCode: 'command_330621', regionCode: '330621', scopes: [] };
const platform: Principal = { kind: 'api_client', id: 'c-12345', role: 'api_client', scopes: ['grievance:read'] };
const bearer = (p: Principal) => `Bearer ${tokens.issue(p).accessToken}`;

class Operations {
  @Public() open(): void {}
  @Allow('court', 'procuratorate') courtOnly(): void {}
  @Allow('api_client', 'command_operator') @RequireScopes('grievance:read') readGrievances(): void {}
  @Allow('api_client') @RequireScopes('grievance:write') writeGrievances(): void {}
  @Allow() nobody(): void {}
  undeclared(): void {}
}

@Allow('command_operator')
class OperatorBoard {
  board(): void {}
  @Public() legend(): void {}
}

@Public()
class PublicPages {
  page(): void {}
  @Allow('court') courtCorner(): void {}
}

type Handler = (...args: never[]) => unknown;

function httpCall(cls: object, handler: Handler, headers: Record<string, string> = {}) {
  const req: Record<string, unknown> = { headers };
  const ctx = new ExecutionContextHost([req, {}, () => undefined], cls as never, handler);
  ctx.setType('http');
  return { ctx: ctx as ExecutionContext, holder: req };
}

function gqlCall(cls: object, handler: Handler, gqlContext: unknown) {
  const ctx = new ExecutionContextHost([{}, {}, gqlContext, {}], cls as never, handler);
  ctx.setType('graphql');
  return ctx as ExecutionContext;
}

const guardOver = (revocations = new InMemoryAccessRevocations()) => new AuthGuard(testAccessTokenAuthenticator(tokens, revocations));

async function outcome(ctx: ExecutionContext, guard = guardOver()): Promise<'allowed' | { code: string; message: string }> {
  try {
    expect(await guard.canActivate(ctx)).toBe(true);
    return 'allowed';
  } catch (err) {
    if (err instanceof UnauthenticatedError) return { code: 'UNAUTHENTICATED', message: err.message };
    if (err instanceof ForbiddenError) return { code: 'FORBIDDEN', message: err.message };
    throw err;
  }
}

const op = Operations.prototype;

describe('AuthGuard over HTTP', () => {
  it('lets anyone call a @Public method, with no token or a bad one, and keeps a valid caller', async () => {
    expect(await outcome(httpCall(Operations, op.open).ctx)).toBe('allowed');
    expect(await outcome(httpCall(Operations, op.open, { authorization: 'Bearer garbage' }).ctx)).toBe('allowed');
    const call = httpCall(Operations, op.open, { authorization: bearer(court) });
    expect(await outcome(call.ctx)).toBe('allowed');
    expect(call.holder.principal).toEqual(court);
  });

  it('asks a caller without a token to sign in', async () => {
    expect(await outcome(httpCall(Operations, op.courtOnly).ctx)).toEqual({ code: 'UNAUTHENTICATED', message: AuthMessages.signInFirst });
  });

  it.each([
    ['a forged signature', () => bearer(court).slice(0, -2) + 'xx'],
    ['an expired token', () => {
      const t = bearer(court);
      clock.ms += 900_000;
      return t;
    }],
    ['a header that is not a bearer token', () => 'Basic Y291cnQ6c2VjcmV0'],
    ['a bearer without a token', () => 'Bearer '],
  ])('says the token is invalid for %s', async (_, header) => {
    const authorization = header();
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization }).ctx)).toEqual({ code: 'UNAUTHENTICATED', message: AuthMessages.tokenInvalid });
  });

  it('lets a role listed in @Allow through and leaves the principal on the request', async () => {
    const call = httpCall(Operations, op.courtOnly, { authorization: bearer(court) });
    expect(await outcome(call.ctx)).toBe('allowed');
    expect(call.holder.principal).toEqual(court);
  });

  it('accepts the scheme in any case', async () => {
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization: bearer(court).replace('Bearer', 'bearer') }).ctx)).toBe('allowed');
  });

  it('forbids a signed-in role that @Allow does not list', async () => {
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization: bearer(operator) }).ctx)).toEqual({ code: 'FORBIDDEN', message: AuthMessages.forbidden });
  });

  it('forbids everyone on @Allow() with no roles', async () => {
    expect(await outcome(httpCall(Operations, op.nobody, { authorization: bearer(operator) }).ctx)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a method with neither @Allow nor @Public: UNAUTHENTICATED signed out, FORBIDDEN signed in', async () => {
    expect(await outcome(httpCall(Operations, op.undeclared).ctx)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await outcome(httpCall(Operations, op.undeclared, { authorization: bearer(operator) }).ctx)).toEqual({ code: 'FORBIDDEN', message: AuthMessages.notGuarded });
  });

  it('checks the scopes of an API client, and only of an API client', async () => {
    expect(await outcome(httpCall(Operations, op.readGrievances, { authorization: bearer(platform) }).ctx)).toBe('allowed');
    expect(await outcome(httpCall(Operations, op.writeGrievances, { authorization: bearer(platform) }).ctx)).toEqual({ code: 'FORBIDDEN', message: AuthMessages.missingScope });
    expect(await outcome(httpCall(Operations, op.readGrievances, { authorization: bearer(operator) }).ctx)).toBe('allowed');
  });

  it('applies a class-level rule to its methods, and a method-level rule over it', async () => {
    expect(await outcome(httpCall(OperatorBoard, OperatorBoard.prototype.board, { authorization: bearer(operator) }).ctx)).toBe('allowed');
    expect(await outcome(httpCall(OperatorBoard, OperatorBoard.prototype.board, { authorization: bearer(court) }).ctx)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await outcome(httpCall(OperatorBoard, OperatorBoard.prototype.legend).ctx)).toBe('allowed');
    expect(await outcome(httpCall(PublicPages, PublicPages.prototype.page).ctx)).toBe('allowed');
    expect(await outcome(httpCall(PublicPages, PublicPages.prototype.courtCorner).ctx)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await outcome(httpCall(PublicPages, PublicPages.prototype.courtCorner, { authorization: bearer(court) }).ctx)).toBe('allowed');
  });
});

describe('AuthGuard over GraphQL', () => {
  it('reads the header of the HTTP request in the GraphQL context and leaves the principal on the context', async () => {
    const gqlContext: Record<string, unknown> = { req: { headers: { authorization: bearer(court) } } };
    expect(await outcome(gqlCall(Operations, op.courtOnly, gqlContext))).toBe('allowed');
    expect(gqlContext.principal).toEqual(court);
  });

  it('reads graphql-ws connectionParams, under req (Apollo default context) or at the top (custom context)', async () => {
    expect(await outcome(gqlCall(Operations, op.courtOnly, { req: { connectionParams: { authorization: bearer(court) }, extra: {} } }))).toBe('allowed');
    expect(await outcome(gqlCall(Operations, op.courtOnly, { connectionParams: { Authorization: bearer(court) } }))).toBe('allowed');
    expect(await outcome(gqlCall(Operations, op.courtOnly, { req: { connectionParams: {}, extra: { request: { headers: { authorization: bearer(court) } } } } }))).toBe('allowed');
    expect(await outcome(gqlCall(Operations, op.courtOnly, { req: { connectionParams: { authorization: 42 } } }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('does not crash on a subscription with no context at all', async () => {
    expect(await outcome(gqlCall(Operations, op.open, undefined))).toBe('allowed');
    expect(await outcome(gqlCall(Operations, op.courtOnly, undefined))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('authenticates the token once per operation, however many fields it guards, and again for the next operation', async () => {
    const revocations = new InMemoryAccessRevocations();
    const verify = jest.spyOn(tokens, 'verifyWithExpiry');
    const guard = guardOver(revocations);
    const gqlContext = { req: { headers: { authorization: bearer(operator) } } };
    const fields = await Promise.all(Array.from({ length: 5 }, () => outcome(gqlCall(OperatorBoard, OperatorBoard.prototype.board, gqlContext), guard)));
    expect(fields).toEqual(Array(5).fill('allowed'));
    expect(verify).toHaveBeenCalledTimes(1);
    expect(revocations.asked).toEqual([{ kind: 'staff', id: operator.id, sessionId: TEST_SESSION_ID, role: 'command_operator', orgCode: 'command_330621', regionCode: '330621' }]);
    await outcome(gqlCall(OperatorBoard, OperatorBoard.prototype.board, { req: { headers: { authorization: bearer(operator) } } }), guard);
    expect(verify).toHaveBeenCalledTimes(2);
    expect(revocations.asked).toHaveLength(2);
    verify.mockRestore();
  });
});

describe('AuthGuard and revoked access', () => {
  const refused = { code: 'UNAUTHENTICATED', message: AuthMessages.tokenInvalid };

  it('refuses a validly signed token at once when its user, its sign-in or its API client has been revoked', async () => {
    const revocations = new InMemoryAccessRevocations();
    const guard = guardOver(revocations);
    const courtToken = bearer(court);
    const otherSignIn = `Bearer ${tokens.issue(court, 'b8f8f5a8-0000-4000-8000-0000000000f2').accessToken}`;
    const clientToken = bearer(platform);
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization: courtToken }).ctx, guard)).toBe('allowed');

    revocations.revoke(TEST_SESSION_ID);
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization: courtToken }).ctx, guard)).toEqual(refused);
    // Logging out of one sign-in leaves the user's other sign-ins alone.
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization: otherSignIn }).ctx, guard)).toBe('allowed');
    revocations.revoke(court.id);
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization: otherSignIn }).ctx, guard)).toEqual(refused);

    expect(await outcome(httpCall(Operations, op.readGrievances, { authorization: clientToken }).ctx, guard)).toBe('allowed');
    revocations.revoke(platform.id);
    expect(await outcome(httpCall(Operations, op.readGrievances, { authorization: clientToken }).ctx, guard)).toEqual(refused);
  });

  it("refuses a staff token whose role, organisation or region is no longer the user's, and takes a token with the new claims", async () => {
    const revocations = new InMemoryAccessRevocations();
    const guard = guardOver(revocations);
    const courtToken = bearer(court);
    const call = () => httpCall(Operations, op.courtOnly, { authorization: courtToken }).ctx;
    expect(await outcome(call(), guard)).toBe('allowed');

    // The same role in another region: the token's region scope is stale.
    revocations.move(court.id, { role: 'court', orgCode: 'court_330621', regionCode: '330622' });
    expect(await outcome(call(), guard)).toEqual(refused);
    revocations.move(court.id, { role: 'court', orgCode: 'court_330622', regionCode: '330621' });
    expect(await outcome(call(), guard)).toEqual(refused);
    revocations.move(court.id, { role: 'procuratorate', orgCode: 'court_330621', regionCode: '330621' });
    expect(await outcome(call(), guard)).toEqual(refused);
    // What a refresh issues: the new claims, judged by the new role.
    expect(await outcome(httpCall(Operations, op.courtOnly, { authorization: bearer({ ...court, role: 'procuratorate' }) }).ctx, guard)).toBe('allowed');
    // API client tokens carry no staff standing to go stale.
    expect(await outcome(httpCall(Operations, op.readGrievances, { authorization: bearer(platform) }).ctx, guard)).toBe('allowed');
  });

  it('lets a revoked token still call @Public operations, as nobody', async () => {
    const revocations = new InMemoryAccessRevocations();
    revocations.revoke(court.id);
    const call = httpCall(Operations, op.open, { authorization: bearer(court) });
    expect(await outcome(call.ctx, guardOver(revocations))).toBe('allowed');
    expect(call.holder.principal).toBeUndefined();
  });

  it('does not take a failed revocation check for a yes', async () => {
    const guard = new AuthGuard(testAccessTokenAuthenticator(tokens, { isRevoked: () => Promise.reject(new Error('database down')), revokedAmong: () => Promise.reject(new Error('database down')) }));
    await expect(guard.canActivate(httpCall(Operations, op.courtOnly, { authorization: bearer(court) }).ctx)).rejects.toThrow('database down');
  });
});

describe('AuthGuard on other transports', () => {
  it('does not crash on an RPC or WebSocket context: public passes, anything else needs a sign-in it cannot have', async () => {
    for (const type of ['rpc', 'ws']) {
      const open = new ExecutionContextHost([{ data: 1 }, {}], Operations as never, op.open);
      open.setType(type);
      expect(await outcome(open)).toBe('allowed');
      const guarded = new ExecutionContextHost([{ headers: { authorization: bearer(court) } }, {}], Operations as never, op.courtOnly);
      guarded.setType(type);
      expect(await outcome(guarded)).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});
