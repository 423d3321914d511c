import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';

/** How the gateway's tests find every resolver and controller: by its module graph, and by its files. */
export type AnyClass = Type<unknown>;
type ModuleEntry = AnyClass | DynamicModule | Promise<DynamicModule> | { forwardRef: () => AnyClass } | undefined;

/** Every class that would be registered as a provider or controller, walking imports depth-first. */
export async function classesOfModuleGraph(root: DynamicModule): Promise<Set<AnyClass>> {
  const seen = new Set<unknown>();
  const found = new Set<AnyClass>();
  const addProvider = (p: unknown) => {
    if (typeof p === 'function') found.add(p as AnyClass);
    else if (p && typeof p === 'object' && typeof (p as { useClass?: unknown }).useClass === 'function') found.add((p as { useClass: AnyClass }).useClass);
  };
  async function visit(entry: ModuleEntry): Promise<void> {
    const resolved: unknown = await entry;
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    if (typeof resolved === 'object' && 'forwardRef' in resolved) return visit((resolved as { forwardRef: () => AnyClass }).forwardRef());
    const dynamic = typeof resolved === 'object' ? (resolved as DynamicModule) : undefined;
    const cls = (dynamic ? dynamic.module : resolved) as AnyClass;
    const meta = <T>(key: string): T[] => (Reflect.getMetadata(key, cls) as T[] | undefined) ?? [];
    for (const p of [...meta<unknown>('providers'), ...(dynamic?.providers ?? [])]) addProvider(p);
    for (const c of [...meta<AnyClass>('controllers'), ...(dynamic?.controllers ?? [])]) found.add(c);
    for (const i of [...meta<ModuleEntry>('imports'), ...((dynamic?.imports ?? []) as ModuleEntry[])]) await visit(i);
  }
  await visit(root);
  return found;
}

/** Every exported class of the gateway's resolver and controller files. */
export function classesOfFiles(dir: string): AnyClass[] {
  const out: AnyClass[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...classesOfFiles(path));
    else if (/\.(resolvers?|controller)\.ts$/.test(entry.name)) {
      for (const value of Object.values(require(path) as Record<string, unknown>)) if (typeof value === 'function') out.push(value as AnyClass);
    }
  }
  return out;
}
