import { CategoryClassifier } from './category-classifier';
import { loadCorpus, splitCorpus } from './corpus';
import { evaluate } from './evaluate';
import { JiebaSegmenter } from './segmenter';

const LOWEST_SHOWN = 10;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** `npm run classifier:eval`: trains on the training split and measures on the held-out split. */
function main(): void {
  const { train, heldOut } = splitCorpus(loadCorpus());
  const classifier = CategoryClassifier.train(train, JiebaSegmenter.instance());
  const result = evaluate(classifier, heldOut);
  console.log(`corpus: ${train.length} training texts, ${heldOut.length} held out, ${classifier.categoryCodes.length} categories`);
  console.log(`top-1 accuracy: ${pct(result.top1)}`);
  console.log(`top-3 accuracy: ${pct(result.top3)}`);
  console.log(`lowest recalls (top-1, held out):`);
  for (const r of result.recalls.slice(0, LOWEST_SHOWN)) console.log(`  ${r.categoryCode.padEnd(28)} ${pct(r.recall).padStart(6)}  (${r.examples} texts)`);
}

main();
