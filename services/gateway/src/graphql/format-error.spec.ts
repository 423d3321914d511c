import { BadRequestException, NotFoundException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { RpcCallError } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { DomainError } from '@yikouban/service-kit';
import { createFormatError, INTERNAL_MESSAGE, UNAVAILABLE_MESSAGE } from './format-error';

/** What Apollo hands formatError for an error thrown inside a resolver. */
function fromResolver(cause: Error): [GraphQLFormattedError, unknown] {
  const wrapped = new GraphQLError(cause.message, { path: ['grievance'], originalError: cause, extensions: { stacktrace: ['at x'] } });
  return [wrapped.toJSON(), wrapped];
}

describe('createFormatError', () => {
  const lines: string[] = [];
  const format = createFormatError(new JsonLogger('gateway', 'info', (l) => lines.push(l)));
  beforeEach(() => (lines.length = 0));

  it.each([
    [new RpcCallError('BAD_REQUEST', 'grievanceId: must be a UUID', [{ field: 'grievanceId', problems: ['must be a UUID'] }]), 'BAD_USER_INPUT', 'grievanceId: must be a UUID'],
    [new DomainError('NOT_FOUND', '没有这件诉求 / no such grievance'), 'NOT_FOUND', '没有这件诉求 / no such grievance'],
    [new DomainError('FORBIDDEN', 'not yours'), 'FORBIDDEN', 'not yours'],
    [new RpcCallError('UNAVAILABLE', 'supervision.clock.list: Timeout has occurred'), 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE],
    [new RpcCallError('INTERNAL', 'relation "clock" does not exist'), 'INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE],
    [new BadRequestException({ message: 'trackingCode: bad', fields: [{ field: 'trackingCode', problems: ['bad'] }] }), 'BAD_USER_INPUT', 'trackingCode: bad'],
    [new NotFoundException('nothing here'), 'NOT_FOUND', 'nothing here'],
    [new Error('ECONNREFUSED 10.0.0.3:5432'), 'INTERNAL_SERVER_ERROR', INTERNAL_MESSAGE],
  ])('maps %p to %s', (cause, code, message) => {
    const out = format(...fromResolver(cause));
    expect(out.message).toBe(message);
    expect(out.extensions?.code).toBe(code);
    expect(out.path).toEqual(['grievance']);
    expect(out.extensions).not.toHaveProperty('stacktrace');
  });

  it('carries the field problems of a bad request', () => {
    const fields = [{ field: 'grievanceId', problems: ['must be a UUID'] }];
    expect(format(...fromResolver(new RpcCallError('BAD_REQUEST', 'bad', fields))).extensions).toEqual({ code: 'BAD_USER_INPUT', fields });
  });

  it('logs what it hides, and only that', () => {
    format(...fromResolver(new Error('db password wrong')));
    format(...fromResolver(new DomainError('NOT_FOUND', 'no such grievance')));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', error: 'db password wrong' });
  });

  it("keeps graphql's own errors (syntax, unknown field) with their code", () => {
    const parse = new GraphQLError('Syntax Error: Expected Name, found <EOF>.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(format(parse.toJSON(), parse)).toEqual({ message: parse.message, locations: undefined, path: undefined, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });
});
