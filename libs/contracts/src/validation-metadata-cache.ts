import { getMetadataStorage } from 'class-validator';

type Lookup = (target: unknown, schema: string | undefined, always: boolean, strictGroups: boolean, groups?: string[]) => unknown[];
interface Storage {
  getTargetValidationMetadatas: Lookup;
  addValidationMetadata: (...args: unknown[]) => void;
  addConstraintMetadata: (...args: unknown[]) => void;
  ykbMemoized?: true;
}

/**
 * class-validator looks a class's rules up afresh on every validate(): it walks every registered
 * class (hundreds of contract and DTO classes here) to find the ancestors, for each object and
 * nested object validated. The answer only changes when a decorator registers a rule, so it is
 * remembered per class and options until then. Every event consumed and every request body
 * validated goes through it (a few per cent of a busy service's CPU). Installed once per process,
 * on the storage all copies of class-validator share.
 */
export function memoizeValidationMetadata(): void {
  const storage = getMetadataStorage() as unknown as Storage;
  if (storage.ykbMemoized) return;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  let cache = new Map<unknown, Map<string, unknown[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema ?? ''}|${always}|${strictGroups}|${groups?.join('\u0000') ?? ''}`;
    let byOptions = cache.get(target);
    if (!byOptions) cache.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  for (const add of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const original = storage[add].bind(storage);
    storage[add] = (...args: unknown[]) => {
      cache = new Map();
      original(...args);
    };
  }
  storage.ykbMemoized = true;
}
