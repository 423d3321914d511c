import { registerEnumType } from '@nestjs/graphql';
import { AFTERCARE_STATUSES, ANSWER_KINDS, BOARD_KINDS, EVALUATION_RESULTS, INDICATOR_GROUPS, REVIEW_CONCLUSIONS, REVIEW_LEVELS } from '@yikouban/contracts';

/** Enums from the contract lists (upper-case names, wire values), as the grievance module builds them. */
function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
}

/** Staff record calls and visits; the citizen's portal channel has its own mutation. */
export const STAFF_EVALUATION_CHANNELS = ['recorded_call', 'on_site_visit'] as const;

export const AftercareStatusEnum = enumOf(AFTERCARE_STATUSES);
export const AnswerKindEnum = enumOf(ANSWER_KINDS);
export const EvaluationResultEnum = enumOf(EVALUATION_RESULTS);
export const StaffEvaluationChannelEnum = enumOf(STAFF_EVALUATION_CHANNELS);
export const EvaluationChannelEnum = enumOf(['recorded_call', 'citizen_portal', 'on_site_visit'] as const);
export const ReviewLevelEnum = enumOf(REVIEW_LEVELS);
export const ReviewConclusionEnum = enumOf(REVIEW_CONCLUSIONS);
export const BoardKindEnum = enumOf(BOARD_KINDS);
export const IndicatorGroupEnum = enumOf(INDICATOR_GROUPS);

registerEnumType(AftercareStatusEnum, { name: 'AftercareStatus', description: '答复后的状态 / where the grievance stands after its reply' });
registerEnumType(AnswerKindEnum, { name: 'AnswerKind', description: '被评价的答复：处理意见、复查意见、复核意见 / the answer a round is about' });
registerEnumType(EvaluationResultEnum, { name: 'EvaluationResult', description: '满意 / 基本满意 / 不满意' });
registerEnumType(StaffEvaluationChannelEnum, { name: 'StaffEvaluationChannel', description: '回访方式：电话录音、上门走访 / how staff reached the petitioner' });
registerEnumType(EvaluationChannelEnum, { name: 'EvaluationChannel', description: '评价渠道 / how the evaluation came in' });
registerEnumType(ReviewLevelEnum, { name: 'ReviewLevel', description: '复查 (review, 第三十五条) / 复核 (recheck, 第三十六条)' });
registerEnumType(ReviewConclusionEnum, { name: 'ReviewConclusion', description: '维持 (upheld) / 撤销或变更 (revised)' });
registerEnumType(BoardKindEnum, { name: 'OverdueBoardKind', description: '超期 / 临期 / 全部' });
registerEnumType(IndicatorGroupEnum, { name: 'IndicatorGroup', description: '分组：不分组、区域、单位、类别 / how indicator rows are grouped' });
