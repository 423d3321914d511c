import { registerEnumType } from '@nestjs/graphql';
import { EVALUATION_VOTES, EVALUATOR_KINDS, PUBLIC_EVALUATION_OPINIONS, RECEPTION_OUTCOMES, RECEPTION_SLOTS } from '@yikouban/contracts';

function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
}

export const ReceptionSlotEnum = enumOf(RECEPTION_SLOTS);
export const ReceptionOutcomeEnum = enumOf(RECEPTION_OUTCOMES);
export const AppointmentStatusEnum = enumOf(['booked', 'received'] as const);
export const EvaluatorKindEnum = enumOf(EVALUATOR_KINDS);
export const EvaluationVoteEnum = enumOf(EVALUATION_VOTES);
export const PublicEvaluationOpinionEnum = enumOf(PUBLIC_EVALUATION_OPINIONS);
export const PublicEvaluationStatusEnum = enumOf(['open', 'concluded'] as const);

registerEnumType(ReceptionSlotEnum, { name: 'ReceptionSlot', description: '上午 / 下午 / half-day slot' });
registerEnumType(ReceptionOutcomeEnum, { name: 'ReceptionOutcome', description: '当场化解、承诺限期办理、导入法定途径、解释说明 / what came of the reception' });
registerEnumType(AppointmentStatusEnum, { name: 'ReceptionAppointmentStatus', description: '已预约 / 已接待' });
registerEnumType(EvaluatorKindEnum, { name: 'EvaluatorKind', description: '人大代表、党代表、政协委员、律师、调解员、社区干部、社工、群众代表 / who sits on the panel' });
registerEnumType(EvaluationVoteEnum, { name: 'EvaluationVote', description: '支持处理意见 / 不支持 / 弃权' });
registerEnumType(PublicEvaluationOpinionEnum, { name: 'PublicEvaluationOpinion', description: '评议结论：支持、不支持、未过半数、未达法定人数 / the panel’s opinion' });
registerEnumType(PublicEvaluationStatusEnum, { name: 'PublicEvaluationStatus', description: '进行中 / 已结束' });
