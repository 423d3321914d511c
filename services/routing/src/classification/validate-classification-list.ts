import { STATUTORY_PATHS } from '@yikouban/contracts';
import { DEPARTMENT_TYPES, OVERSIGHT_DEPARTMENT_TYPES, type DepartmentType } from '../directory/directory.types';
import type { CategorySeed } from './classification.types';

/** A classification list that breaks the rules below; `problems` lists every one found. */
export class ClassificationListError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid classification list: ${problems.join('; ')}`);
    this.name = 'ClassificationListError';
  }
}

const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const LAW = /^《[^《》]+》/;
const knownPath = (p: string): boolean => (STATUTORY_PATHS as readonly string[]).includes(p);
const knownType = (t: string): t is DepartmentType => (DEPARTMENT_TYPES as readonly string[]).includes(t);

function problemsOf(c: CategorySeed): string[] {
  const out: string[] = [];
  const at = (msg: string) => out.push(`${c.code}: ${msg}`);
  if (!CODE.test(c.code)) at('code must be snake_case');
  if (!c.name.trim() || !c.nameEn.trim()) at('name and nameEn are required');
  if (c.statutoryPaths.length === 0) at('at least one statutory path is required');
  if (new Set(c.statutoryPaths).size !== c.statutoryPaths.length) at('a statutory path is listed twice');
  for (const p of c.statutoryPaths) if (!knownPath(p)) at(`unknown statutory path ${p}`);
  const petition = c.statutoryPaths.indexOf('petition');
  // 法定优先、信访兜底: the petition road only ever comes after every other road.
  if (petition >= 0 && petition !== c.statutoryPaths.length - 1) at('petition must be the last statutory path (信访兜底)');
  for (const t of [c.leadDepartmentType, ...c.coDepartmentTypes]) if (!knownType(t)) at(`unknown department type ${t}`);
  if (c.coDepartmentTypes.includes(c.leadDepartmentType)) at('the lead department type is also a co-handler');
  if (new Set(c.coDepartmentTypes).size !== c.coDepartmentTypes.length) at('a co-handling department type is listed twice');
  if (c.matterClass === 'accusation') {
    // 第三十条: the accuser must never reach the accused, who may sit in any line unit.
    if (!OVERSIGHT_DEPARTMENT_TYPES.includes(c.leadDepartmentType)) at('an accusation must be led by an oversight body');
    if (c.coDepartmentTypes.some((t) => !OVERSIGHT_DEPARTMENT_TYPES.includes(t))) at('an accusation may only be shared with oversight bodies');
    if (c.handledAtTownLevel) at('an accusation is never handled by the town government');
  }
  if (c.laws.length === 0) at('at least one law or regulation is required');
  for (const law of c.laws) if (!LAW.test(law)) at(`law "${law}" must start with its title in 《》`);
  if (c.keywords.length === 0) at('at least one keyword is required');
  return out;
}

/** Every rule the list breaks, in list order; empty when the list is sound. */
export function classificationListProblems(list: readonly CategorySeed[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of list) {
    if (seen.has(c.code)) out.push(`${c.code}: duplicate category code`);
    seen.add(c.code);
    out.push(...problemsOf(c));
  }
  return out;
}

export function assertValidClassificationList(list: readonly CategorySeed[]): void {
  const problems = classificationListProblems(list);
  if (problems.length > 0) throw new ClassificationListError(problems);
}
