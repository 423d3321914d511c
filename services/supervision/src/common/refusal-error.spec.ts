import { DomainError } from '@yikouban/service-kit';
import { refusalError } from './refusal-error';

class SampleError extends refusalError({ gone: 'NOT_FOUND', taken: 'CONFLICT' }) {}

describe('refusalError', () => {
  it('maps the refusal to its RPC code and puts it first in the message, with the field problem', () => {
    const e = new SampleError('taken', '已占用 / taken', 'slotId');
    expect(e).toBeInstanceOf(SampleError);
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ name: 'SampleError', refusal: 'taken', code: 'CONFLICT', message: 'taken: 已占用 / taken', fields: [{ field: 'slotId', problems: ['已占用 / taken'] }] });
  });

  it('has no field problems when no field is named', () => {
    const e = new SampleError('gone', '不存在 / gone');
    expect(e.code).toBe('NOT_FOUND');
    expect(e.fields).toBeUndefined();
  });
});
