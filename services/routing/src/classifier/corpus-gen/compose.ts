import { HELD_OUT_PERCENT, isHeldOut, type CorpusExample } from '../corpus';
import { SeededRandom } from './random';
import { CLOSERS, fillSlots, OPENERS } from './slots';
import type { CategoryTemplates } from './templates.types';
import { DISPUTES_AND_OVERSIGHT_TEMPLATES } from './templates/disputes-and-oversight';
import { ENVIRONMENT_AND_SAFETY_TEMPLATES } from './templates/environment-and-safety';
import { LABOUR_AND_WELFARE_TEMPLATES } from './templates/labour-and-welfare';
import { LAND_AND_HOUSING_TEMPLATES } from './templates/land-and-housing';
import { PUBLIC_SERVICES_TEMPLATES } from './templates/public-services';

export const CORPUS_TEMPLATES: CategoryTemplates[] = [
  ...LABOUR_AND_WELFARE_TEMPLATES,
  ...LAND_AND_HOUSING_TEMPLATES,
  ...ENVIRONMENT_AND_SAFETY_TEMPLATES,
  ...PUBLIC_SERVICES_TEMPLATES,
  ...DISPUTES_AND_OVERSIGHT_TEMPLATES,
];

export interface ComposeOptions {
  seed: number;
  perCategory: number;
  /** How often a neighbour's detail is mixed in (the wording overlap that keeps accuracy honest). */
  neighbourRate: number;
}

export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = { seed: 20241122, perCategory: 40, neighbourRate: 0.3 };

function composeOne(t: CategoryTemplates, fact: string, byCode: Map<string, CategoryTemplates>, r: SeededRandom, o: ComposeOptions): string {
  const parts = [r.pick(OPENERS), fact];
  if (r.chance(0.6)) parts.push(r.pick(t.details));
  if (r.chance(o.neighbourRate)) {
    const near = byCode.get(r.pick(t.near));
    if (near) parts.push(r.pick(near.details));
  }
  if (r.chance(0.2)) parts.push(r.pick(t.details));
  if (r.chance(0.85)) parts.push(r.pick(t.asks));
  parts.push(r.pick(CLOSERS));
  // A detail drawn twice reads like a person repeating themselves once too often: keep one.
  return fillSlots([...new Set(parts)].join(''), r);
}

/**
 * The fact sentence whose texts are held out. The split itself is by hash of the text
 * (corpus.ts isHeldOut); the generator keeps only texts whose hash puts them on their fact's side,
 * so no held-out text repeats a training text's fact and the evaluation measures situations the
 * model has not seen, not sentences it has memorised.
 */
export const heldOutFact = (t: CategoryTemplates): string => t.facts[t.facts.length - 1];

/**
 * `perCategory` distinct texts for every category in `codes`, deterministic for a seed, about
 * HELD_OUT_PERCENT of them held out. Throws when a category has no templates or its templates
 * cannot yield enough distinct texts.
 */
export function composeCorpus(codes: string[], options: ComposeOptions = DEFAULT_COMPOSE_OPTIONS, templates = CORPUS_TEMPLATES): CorpusExample[] {
  const byCode = new Map(templates.map((t) => [t.code, t]));
  const r = new SeededRandom(options.seed);
  const seen = new Set<string>();
  const out: CorpusExample[] = [];
  const heldOutEvery = Math.round(100 / HELD_OUT_PERCENT);
  for (const code of codes) {
    const t = byCode.get(code);
    if (!t) throw new Error(`no corpus templates for category ${code}`);
    if (t.facts.length < 2) throw new Error(`${code}: needs at least two facts (one is held out)`);
    for (const n of t.near) if (!byCode.has(n)) throw new Error(`${code}: neighbour ${n} has no templates`);
    const held = heldOutFact(t);
    const trainFacts = t.facts.filter((f) => f !== held);
    for (let i = 0; i < options.perCategory; i++) {
      const side = i % heldOutEvery === heldOutEvery - 1;
      for (let tries = 0; ; tries++) {
        if (tries > 500) throw new Error(`${code}: templates too few for ${options.perCategory} distinct texts`);
        const text = composeOne(t, side ? held : r.pick(trainFacts), byCode, r, options);
        if (seen.has(text) || isHeldOut(text) !== side) continue;
        seen.add(text);
        out.push({ text, categoryCode: code });
        break;
      }
    }
  }
  return out;
}
