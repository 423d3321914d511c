import type { FieldProblem } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';

/** Another administrator published since this one started editing. */
export function staleVersion(what: string, basedOn: number, current: number | null): DomainError {
  return new DomainError('CONFLICT', `stale_version: ${what}已有更新的版本 ${current ?? 0}，请在其基础上重新修改 (edited version ${basedOn}, current is ${current ?? 0})`, [
    { field: 'basedOnVersion', problems: [`stale_version: current is ${current ?? 0}`] },
  ]);
}

/**
 * A validator's problems (`<key>: <what is wrong>`) as field problems: on `upsert.<i>` when the
 * administrator's change of that key is at fault, else on `upsert` (a line they did not touch).
 */
export function fieldsOfProblems(problems: readonly string[], upsertKeys: readonly string[], keyOf: (problem: string) => string): FieldProblem[] {
  return problems.map((p) => {
    const i = upsertKeys.indexOf(keyOf(p));
    return { field: i >= 0 ? `upsert.${i}` : 'upsert', problems: [p] };
  });
}
