import type { DepartmentType } from '../directory/directory.types';
import type { Complexity, MatterClass, StatutoryPath, WarningColour } from '../triage/triage.types';

/** One line of the 依法分类处理清单: what the matter is, which roads the law gives it, who leads. */
export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  matterClass: MatterClass;
  /** In priority order; petition (信访) last, only as the fallback. */
  statutoryPaths: StatutoryPath[];
  leadDepartmentType: DepartmentType;
  coDepartmentTypes: DepartmentType[];
  /** The town government leads (属地管理), with the county department behind it. */
  handledAtTownLevel: boolean;
  laws: string[];
  defaultComplexity: Complexity;
  defaultColour: WarningColour;
  keywords: string[];
}
