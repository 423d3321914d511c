import { applyChanges } from './apply-changes';

interface Item {
  code: string;
  v: number;
}
const key = (i: Item) => i.code;
const base: Item[] = [
  { code: 'a', v: 1 },
  { code: 'b', v: 1 },
  { code: 'c', v: 1 },
];

describe('a new version from the current one plus changes', () => {
  it('replaces in place, appends new keys and drops removed ones', () => {
    const { next, problems } = applyChanges(base, { upsert: [{ code: 'b', v: 2 }, { code: 'd', v: 1 }], remove: ['a'] }, key, 'category');
    expect(problems).toEqual([]);
    expect(next).toEqual([
      { code: 'b', v: 2 },
      { code: 'c', v: 1 },
      { code: 'd', v: 1 },
    ]);
    expect(base).toHaveLength(3);
  });

  it('names the change at fault: an unknown removal, a key changed and removed, a key listed twice', () => {
    const { problems } = applyChanges(base, { upsert: [{ code: 'c', v: 2 }, { code: 'c', v: 3 }], remove: ['x', 'c'] }, key, 'category');
    expect(problems.map((p) => [p.field, p.problems[0].split(':')[0]])).toEqual([
      ['upsert.1', 'duplicate'],
      ['remove.0', 'not_found'],
      ['remove.1', 'conflicting_change'],
    ]);
  });

  it('refuses to publish nothing', () => {
    expect(applyChanges(base, { upsert: [], remove: [] }, key, 'rule').problems).toEqual([{ field: 'upsert', problems: [expect.stringMatching(/^nothing_to_publish/)] }]);
  });
});
