import type { CategorySummary } from '@yikouban/contracts';
import { CatalogueUnavailableError } from '../open311.errors';
import { CachedCatalogue } from './category-catalogue';

const category = (code: string): CategorySummary => ({ code, name: code, nameEn: code, matterClass: 'claim', statutoryPaths: [], keywords: [], listVersion: 1 });

describe('CachedCatalogue', () => {
  let clock: number;
  let answers: (CategorySummary[] | Error)[];
  let calls: number;
  const fetch = async (): Promise<CategorySummary[]> => {
    calls++;
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  };
  const cached = () => new CachedCatalogue(fetch, 60_000, () => clock);

  beforeEach(() => {
    clock = 0;
    calls = 0;
    answers = [];
  });

  it('asks once within the minute and again after it', async () => {
    answers = [[category('a')], [category('b')]];
    const c = cached();
    expect((await c.list()).map((x) => x.code)).toEqual(['a']);
    clock = 59_999;
    expect((await c.list()).map((x) => x.code)).toEqual(['a']);
    expect(calls).toBe(1);
    clock = 60_000;
    expect((await c.list()).map((x) => x.code)).toEqual(['b']);
    expect(calls).toBe(2);
  });

  it('shares one question among concurrent callers', async () => {
    answers = [[category('a')]];
    const c = cached();
    const all = await Promise.all([c.list(), c.list(), c.list()]);
    expect(all.map((l) => l[0].code)).toEqual(['a', 'a', 'a']);
    expect(calls).toBe(1);
  });

  it('is unavailable when routing fails and nothing is held, and keeps an old list when a refresh fails', async () => {
    answers = [new Error('timeout'), [category('a')], new Error('timeout')];
    const c = cached();
    await expect(c.list()).rejects.toBeInstanceOf(CatalogueUnavailableError);
    expect((await c.list()).map((x) => x.code)).toEqual(['a']);
    clock = 120_000;
    expect((await c.list()).map((x) => x.code)).toEqual(['a']);
    expect(calls).toBe(3);
  });

  it('treats an answer that is not a list as a failure', async () => {
    answers = [{ code: 'a' } as unknown as CategorySummary[]];
    await expect(cached().list()).rejects.toBeInstanceOf(CatalogueUnavailableError);
  });

  it('hands out copies, so a caller cannot change the held list', async () => {
    answers = [[category('a')]];
    const c = cached();
    (await c.list()).pop();
    expect(await c.list()).toHaveLength(1);
  });
});
