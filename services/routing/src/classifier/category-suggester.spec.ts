import type { DirectoryCache } from '../directory/directory-cache';
import type { CategorySeed } from '../classification/classification.types';
import { CategoryClassifier } from './category-classifier';
import { CategorySuggester, type ClassifierTrainer } from './category-suggester';
import type { Segmenter } from './segmenter';

/** Each character a word: enough for a model of three texts. */
const chars: Segmenter = { cut: (text) => [...text] };
const model = CategoryClassifier.train(
  [
    { text: '拖欠工资', categoryCode: 'wage_arrears' },
    { text: '河水污染', categoryCode: 'water_pollution' },
  ],
  chars,
);
const directory = {
  current: async () => ({ categories: new Map([['wage_arrears', { name: '拖欠工资' } as CategorySeed], ['water_pollution', { name: '水污染' } as CategorySeed]]) }),
} as unknown as DirectoryCache;

/** A training that finishes when the test says so, counting how often it was started. */
function controlledTraining() {
  const finish: { ok: () => void; fail: (e: Error) => void }[] = [];
  const trainer = jest.fn<ReturnType<ClassifierTrainer>, Parameters<ClassifierTrainer>>(
    () => new Promise<CategoryClassifier>((resolve, reject) => finish.push({ ok: () => resolve(model), fail: reject })),
  );
  return { trainer, finish };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('category suggester: one training, started at bootstrap, shared by early callers', () => {
  it('trains once for concurrent first suggestions, and all of them get the answer', async () => {
    const { trainer, finish } = controlledTraining();
    const suggester = new CategorySuggester(directory, trainer);
    const asked = [suggester.suggest('工资拖欠了', 1), suggester.suggest('工资拖欠了', 1), suggester.suggest('河里有污染', 1)];
    await nextTurn();
    expect(trainer).toHaveBeenCalledTimes(1);
    finish[0].ok();
    const [a, b, c] = await Promise.all(asked);
    expect(a).toEqual([expect.objectContaining({ categoryCode: 'wage_arrears', name: '拖欠工资' })]);
    expect(b).toEqual(a);
    expect(c).toEqual([expect.objectContaining({ categoryCode: 'water_pollution', name: '水污染' })]);
    await suggester.suggest('工资', 1);
    expect(trainer).toHaveBeenCalledTimes(1);
  });

  it('starts training after bootstrap without a suggestion, and a suggestion meanwhile joins it', async () => {
    const { trainer, finish } = controlledTraining();
    const suggester = new CategorySuggester(directory, trainer);
    suggester.onApplicationBootstrap();
    expect(trainer).not.toHaveBeenCalled();
    await nextTurn();
    expect(trainer).toHaveBeenCalledTimes(1);
    const asked = suggester.suggest('拖欠工资', 1);
    finish[0].ok();
    expect((await asked)[0].categoryCode).toBe('wage_arrears');
    expect(trainer).toHaveBeenCalledTimes(1);
    suggester.onApplicationShutdown();
  });

  it('tries again after a failed training, and stops a training under way at shutdown', async () => {
    const { trainer, finish } = controlledTraining();
    const suggester = new CategorySuggester(directory, trainer);
    const first = suggester.suggest('拖欠工资', 1);
    await nextTurn();
    finish[0].fail(new Error('corpus unreadable'));
    await expect(first).rejects.toThrow('corpus unreadable');
    const second = suggester.suggest('拖欠工资', 1);
    await nextTurn();
    expect(trainer).toHaveBeenCalledTimes(2);
    finish[1].ok();
    expect((await second)[0].categoryCode).toBe('wage_arrears');

    const signal = trainer.mock.calls[1][0];
    expect(signal.aborted).toBe(false);
    suggester.onApplicationShutdown();
    expect(signal.aborted).toBe(true);
  });

  it('a shutdown before the warm-up turn leaves the model untrained', async () => {
    const { trainer } = controlledTraining();
    const suggester = new CategorySuggester(directory, trainer);
    suggester.onApplicationBootstrap();
    suggester.onApplicationShutdown();
    await nextTurn();
    expect(trainer).not.toHaveBeenCalled();
  });
});
