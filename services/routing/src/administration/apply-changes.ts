import type { FieldProblem } from '@yikouban/contracts';

export interface Changes<T> {
  upsert: readonly T[];
  remove: readonly string[];
}

/**
 * A new version from the current one: items replaced in place or appended by key, others
 * removed. Problems name the field of the change at fault (e.g. `remove.2`), so an
 * administrator sees which line to fix; nothing to change is a problem too.
 */
export function applyChanges<T>(base: readonly T[], changes: Changes<T>, keyOf: (item: T) => string, what: string): { next: T[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, text: string) => problems.push({ field, problems: [text] });
  if (changes.upsert.length === 0 && changes.remove.length === 0) problem('upsert', `nothing_to_publish: 没有任何修改 (no ${what} added, changed or removed)`);
  const upserted = new Map<string, T>();
  changes.upsert.forEach((item, i) => {
    const key = keyOf(item);
    if (upserted.has(key)) problem(`upsert.${i}`, `duplicate: ${what} ${key} 重复 (listed twice)`);
    upserted.set(key, item);
  });
  const baseKeys = new Set(base.map(keyOf));
  const removed = new Set<string>();
  changes.remove.forEach((key, i) => {
    if (!baseKeys.has(key)) problem(`remove.${i}`, `not_found: 当前版本没有 ${key} (no ${what} ${key} in the current version)`);
    if (upserted.has(key)) problem(`remove.${i}`, `conflicting_change: ${key} 同时被修改和删除 (both changed and removed)`);
    removed.add(key);
  });
  const next = base.filter((item) => !removed.has(keyOf(item))).map((item) => upserted.get(keyOf(item)) ?? item);
  for (const [key, item] of upserted) if (!baseKeys.has(key)) next.push(item);
  return { next, problems };
}
