import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLASSIFICATION_LIST } from '../../classification/default-classification-list';
import { corpusDir } from '../corpus';
import { composeCorpus } from './compose';

/**
 * `npm run classifier:corpus`: rewrites corpus/grievances.jsonl from the templates. Deterministic:
 * run it twice and git sees no change. Re-run after editing templates or adding a category.
 */
function main(): void {
  const examples = composeCorpus(DEFAULT_CLASSIFICATION_LIST.map((c) => c.code));
  const file = join(corpusDir(), 'grievances.jsonl');
  writeFileSync(file, examples.map((e) => JSON.stringify(e)).join('\n') + '\n', 'utf8');
  console.log(`wrote ${examples.length} texts for ${DEFAULT_CLASSIFICATION_LIST.length} categories to ${file}`);
}

main();
