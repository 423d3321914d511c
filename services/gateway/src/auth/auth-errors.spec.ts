import { GraphQLError } from 'graphql';
import { JsonLogger } from '@yikouban/observability';
import { createFormatError } from '../graphql/format-error';
import { AuthMessages, ForbiddenError, TooManyAttemptsError, UnauthenticatedError } from './auth.errors';

/** The codes a GraphQL client sees for the auth refusals (the shaping itself lives in graphql/format-error.ts). */
describe('auth errors in GraphQL', () => {
  const lines: string[] = [];
  const format = createFormatError(new JsonLogger('gateway', 'info', (l) => lines.push(l)));
  const shaped = (cause: Error) => {
    const wrapped = new GraphQLError(cause.message, { path: ['me'], originalError: cause });
    return format(wrapped.toJSON(), wrapped);
  };

  it.each([
    [new UnauthenticatedError(), 'UNAUTHENTICATED', AuthMessages.signInFirst],
    [new UnauthenticatedError(AuthMessages.badCredentials), 'UNAUTHENTICATED', AuthMessages.badCredentials],
    [new ForbiddenError(), 'FORBIDDEN', AuthMessages.forbidden],
  ])('%p → %s with its message, and nothing logged', (cause, code, message) => {
    lines.length = 0;
    expect(shaped(cause)).toEqual({ message, locations: undefined, path: ['me'], extensions: { code } });
    expect(lines).toEqual([]);
  });

  it.each([
    [new TooManyAttemptsError(60), AuthMessages.tooMany, 60],
    [new TooManyAttemptsError(7, AuthMessages.tooManyRequests), AuthMessages.tooManyRequests, 7],
  ])('%p → TOO_MANY_REQUESTS with retryAfterSeconds in its extensions', (cause, message, retryAfterSeconds) => {
    expect(shaped(cause)).toEqual({ message, locations: undefined, path: ['me'], extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds } });
  });
});
