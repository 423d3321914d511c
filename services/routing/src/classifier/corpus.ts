import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One labelled grievance text: a line of corpus/*.jsonl. */
export interface CorpusExample {
  text: string;
  categoryCode: string;
}

/** Share of the corpus held out for evaluation, by hash of the text. */
export const HELD_OUT_PERCENT = 20;

/**
 * The held-out split: the first byte of the text's SHA-256 decides, so it is deterministic, needs
 * no stored list and a text lands on the same side whoever asks (the generator, the eval, tests).
 */
export function isHeldOut(text: string): boolean {
  const byte = createHash('sha256').update(text, 'utf8').digest()[0];
  return (byte * 100) / 256 < HELD_OUT_PERCENT;
}

export function splitCorpus(examples: CorpusExample[]): { train: CorpusExample[]; heldOut: CorpusExample[] } {
  const train: CorpusExample[] = [];
  const heldOut: CorpusExample[] = [];
  for (const e of examples) (isHeldOut(e.text) ? heldOut : train).push(e);
  return { train, heldOut };
}

/**
 * Where the JSONL files are. Beside this file when run from the sources (tests); a build keeps no
 * copy, so dist/… looks in the source tree it was built from (and the image copies that folder).
 */
export function corpusDir(): string {
  const beside = join(__dirname, 'corpus');
  if (existsSync(beside)) return beside;
  const source = join(__dirname.replace(/([\\/])dist([\\/])/, '$1'), 'corpus');
  if (existsSync(source)) return source;
  throw new Error(`classifier corpus not found at ${beside} or ${source}`);
}

export function parseCorpus(jsonl: string, source = 'corpus'): CorpusExample[] {
  return jsonl
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      const row = JSON.parse(line) as Partial<CorpusExample>;
      if (typeof row.text !== 'string' || typeof row.categoryCode !== 'string') throw new Error(`${source}:${n}: needs text and categoryCode`);
      return { text: row.text, categoryCode: row.categoryCode };
    });
}

/** Every *.jsonl in the corpus folder, in file-name order. */
export function loadCorpus(dir = corpusDir()): CorpusExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => parseCorpus(readFileSync(join(dir, f), 'utf8'), f));
}
