import { SqlFilter } from './sql-filter';

describe('SqlFilter', () => {
  it('numbers placeholders in the order conditions and parameters are added', () => {
    const f = new SqlFilter().add('a = ?', 1).add('(b, c) < (?, ?)', 'x', 'y');
    expect(f.param(10)).toBe('$4');
    expect(f.where).toBe('WHERE a = $1 AND (b, c) < ($2, $3)');
    expect(f.params).toEqual([1, 'x', 'y', 10]);
  });

  it('is empty without conditions', () => {
    expect(new SqlFilter().where).toBe('');
  });

  it('refuses a condition whose placeholders and values do not match', () => {
    expect(() => new SqlFilter().add('a = ? AND b = ?', 1)).toThrow('2 placeholder(s) but 1 value(s)');
  });
});
