import type { DepartmentType } from '../directory/directory.types';
import type { Complexity, MatterClass, StatutoryPath, WarningColour } from '../triage/triage.types';

export type { Complexity, MatterClass, StatutoryPath, WarningColour };

/**
 * One line of the 依法分类处理清单: what the matter is, which roads the law gives it, who leads.
 * matterClass follows 信访工作条例 第二十九至三十一条 (建议意见 / 检举控告 / 申诉求决).
 */
export interface CategorySeed {
  /** snake_case English, stable: rules, grievances and other services refer to it. */
  code: string;
  name: string;
  nameEn: string;
  matterClass: MatterClass;
  /** In priority order (法定优先); petition (信访) only last, as the fallback (信访兜底). */
  statutoryPaths: StatutoryPath[];
  leadDepartmentType: DepartmentType;
  coDepartmentTypes: DepartmentType[];
  /** The town government leads (属地管理), with the county department behind it. */
  handledAtTownLevel: boolean;
  /** Laws and regulations, with the article where it is certain, e.g. 《劳动争议调解仲裁法》第五条. */
  laws: string[];
  defaultComplexity: Complexity;
  defaultColour: WarningColour;
  /** Chinese words that suggest this category in a grievance's text. */
  keywords: string[];
}
