import fc from 'fast-check';
import { REGION_LEVELS, type RegionSeed } from './directory.types';
import { RegionTree, RegionTreeError } from './region-tree';

const r = (code: string, level: RegionSeed['level'], parentCode: string | null): RegionSeed => ({ code, name: code.toUpperCase(), level, parentCode });
const small = [r('c', 'county', null), r('t1', 'town', 'c'), r('t2', 'town', 'c'), r('v1', 'village', 't1'), r('g1', 'grid', 'v1')];

function errorOf(fn: () => unknown): RegionTreeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RegionTreeError) return e;
    throw e;
  }
  throw new Error('expected a RegionTreeError');
}

describe('RegionTree construction refuses a broken tree with a clear error', () => {
  it('names a dangling parent', () => {
    const e = errorOf(() => new RegionTree([r('a', 'town', 'x')]));
    expect(e.code).toBe('unknown_parent');
    expect(e.message).toMatch(/region a .* unknown parent x/);
  });

  it('names a duplicate code', () => {
    const e = errorOf(() => new RegionTree([r('a', 'town', null), r('a', 'village', null)]));
    expect(e).toMatchObject({ code: 'duplicate_region' });
    expect(e.message).toContain('duplicate region code a');
  });

  it('finds cycles, a region that is its own parent included', () => {
    expect(errorOf(() => new RegionTree([r('a', 'town', 'b'), r('b', 'village', 'a')])).code).toBe('cycle');
    expect(errorOf(() => new RegionTree([r('a', 'town', 'a')])).code).toBe('cycle');
    expect(errorOf(() => new RegionTree([r('root', 'city', null), r('a', 'town', 'c'), r('b', 'village', 'a'), r('c', 'grid', 'b')])).message).toMatch(/cycle/);
  });

  it('refuses a child at or above its parent level', () => {
    expect(errorOf(() => new RegionTree([r('v', 'village', null), r('t', 'town', 'v')])).code).toBe('level_order');
    expect(errorOf(() => new RegionTree([r('t', 'town', null), r('t2', 'town', 't')])).code).toBe('level_order');
  });

  it('accepts a level skipped on the way down (a grid straight under a town)', () => {
    expect(new RegionTree([r('t', 'town', null), r('g', 'grid', 't')]).levelOf('g')).toBe('grid');
  });
});

describe('RegionTree look-ups', () => {
  const tree = new RegionTree(small);

  it('walks up nearest first', () => {
    expect(tree.ancestorsOf('g1').map((x) => x.code)).toEqual(['v1', 't1', 'c']);
    expect(tree.chainOf('g1').map((x) => x.code)).toEqual(['g1', 'v1', 't1', 'c']);
    expect(tree.ancestorsOf('c')).toEqual([]);
    expect(tree.parentOf('v1')?.code).toBe('t1');
    expect(tree.parentOf('c')).toBeNull();
  });

  it('answers containment, itself included, and not sideways', () => {
    expect(tree.isWithin('g1', 'c')).toBe(true);
    expect(tree.isWithin('g1', 'g1')).toBe(true);
    expect(tree.isWithin('g1', 't2')).toBe(false);
    expect(tree.isWithin('c', 'g1')).toBe(false);
  });

  it('finds the region of a level that contains a code', () => {
    expect(tree.ancestorAtLevel('g1', 'town')?.code).toBe('t1');
    expect(tree.ancestorAtLevel('t1', 'town')?.code).toBe('t1');
    expect(tree.ancestorAtLevel('t1', 'village')).toBeNull();
    expect(tree.childrenOf('c').map((x) => x.code).sort()).toEqual(['t1', 't2']);
    expect(tree.levelOf('v1')).toBe('village');
  });

  it('throws unknown_region for a code it does not know, wherever it is asked', () => {
    for (const ask of [() => tree.get('nope'), () => tree.parentOf('nope'), () => tree.ancestorsOf('nope'), () => tree.isWithin('g1', 'nope'), () => tree.levelOf('nope')]) {
      expect(errorOf(ask)).toMatchObject({ code: 'unknown_region', message: 'unknown region nope' });
    }
    expect(tree.has('nope')).toBe(false);
  });
});

/** A random well-formed tree: node i hangs under an earlier node that is not yet a grid. */
const randomTree = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }).map((picks) => {
  const nodes: (RegionSeed & { depth: number })[] = [{ ...r('n0', 'city', null), depth: 0 }];
  picks.forEach(([pick], i) => {
    const eligible = nodes.filter((n) => n.depth < REGION_LEVELS.length - 1);
    const parent = eligible[pick % eligible.length]!;
    nodes.push({ ...r(`n${i + 1}`, REGION_LEVELS[parent.depth + 1]!, parent.code), depth: parent.depth + 1 });
  });
  // Construction must not depend on input order: shuffle by the second pick.
  const order = [0, ...picks.map(([, k]) => k)];
  const shuffled = nodes.map((n, i) => ({ n, k: order[i]! })).sort((a, b) => a.k - b.k).map((x) => x.n);
  return { nodes, shuffled };
});

describe('RegionTree on random trees', () => {
  it('agrees with the tree it was built from, in any input order', () => {
    fc.assert(
      fc.property(randomTree, ({ nodes, shuffled }) => {
        const tree = new RegionTree(shuffled.map(({ depth: _d, ...seed }) => seed));
        for (const n of nodes) {
          const chain = tree.chainOf(n.code);
          expect(chain).toHaveLength(n.depth + 1);
          expect(chain[chain.length - 1]!.code).toBe('n0');
          for (let i = 1; i < chain.length; i++) expect(chain[i]!.code).toBe(chain[i - 1]!.parentCode);
          for (const m of nodes) expect(tree.isWithin(n.code, m.code)).toBe(chain.some((c) => c.code === m.code));
        }
      }),
    );
  });

  it('refuses the tree once any node is re-hung under one of its descendants', () => {
    fc.assert(
      fc.property(randomTree, fc.nat(), ({ nodes }, pick) => {
        const deep = nodes.filter((n) => n.depth >= 1);
        fc.pre(deep.length > 0);
        const child = deep[pick % deep.length]!;
        const ancestor = nodes.find((n) => n.code === child.parentCode)!;
        const broken = nodes.map(({ depth: _d, ...seed }) => (seed.code === ancestor.code ? { ...seed, parentCode: child.code } : seed));
        expect(errorOf(() => new RegionTree(broken)).code).toBe('cycle');
      }),
    );
  });
});
