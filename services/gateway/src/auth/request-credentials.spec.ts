import { bearerToken, clientAddressOf } from './request-credentials';

describe('bearerToken', () => {
  it.each<[string | undefined, string | null | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['BEARER   abc.def.ghi  ', 'abc.def.ghi'],
    ['Bearer', null],
    ['Bearer abc def', null],
    ['Basic dXNlcjpwYXNz', null],
    ['abc.def.ghi', null],
    ['Bearer abc\ndef', null],
  ])('%p → %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('clientAddressOf', () => {
  it('takes req.ip from a GraphQL context or a request, else "unknown"', () => {
    expect(clientAddressOf({ req: { ip: '10.0.0.7' } })).toBe('10.0.0.7');
    expect(clientAddressOf({ ip: '::1' })).toBe('::1');
    expect(clientAddressOf({ req: {} })).toBe('unknown');
    expect(clientAddressOf(undefined)).toBe('unknown');
  });
});
