import { registerEnumType } from '@nestjs/graphql';
import { ASSIGNMENT_STATUSES, COMPLEXITIES, MATTER_CLASSES, QUEUE_STATUSES, REDIRECT_TARGETS, REPLY_CONCLUSIONS, STATUTORY_PATHS, WARNING_COLOURS } from '@yikouban/contracts';

/** Upper-case names over the contract's wire values, so a value added to a contract shows in the schema. */
function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
}

export const DISPUTE_STATUSES = ['open', 'decided'] as const;
export const HANDOVER_STATUSES = ['requested', 'accepted', 'declined'] as const;

export const AssignmentStatusEnum = enumOf(ASSIGNMENT_STATUSES);
export const QueueStatusEnum = enumOf(QUEUE_STATUSES);
export const ReplyConclusionEnum = enumOf(REPLY_CONCLUSIONS);
export const RedirectTargetEnum = enumOf(REDIRECT_TARGETS);
export const StatutoryPathEnum = enumOf(STATUTORY_PATHS);
export const ComplexityEnum = enumOf(COMPLEXITIES);
export const WarningColourEnum = enumOf(WARNING_COLOURS);
export const MatterClassEnum = enumOf(MATTER_CLASSES);
export const DisputeStatusEnum = enumOf(DISPUTE_STATUSES);
export const HandoverStatusEnum = enumOf(HANDOVER_STATUSES);

registerEnumType(AssignmentStatusEnum, {
  name: 'AssignmentStatus',
  description: '交办状态：待签收、已签收、办理中、已答复、待改派、管辖争议、已改派、已移交、已导入法定途径、已关闭 / where an assignment stands',
});
registerEnumType(QueueStatusEnum, { name: 'CommandCentreQueueStatus', description: '待指挥中心处理：退回待改派、管辖争议 / returned for reassignment, or disputed between units' });
registerEnumType(ReplyConclusionEnum, { name: 'ReplyConclusion', description: '处理意见：支持、解释说明、不予支持（信访工作条例第三十二条） / support, explain, not support' });
registerEnumType(RedirectTargetEnum, { name: 'RedirectTarget', description: '导入的法定途径 / the statutory body a case is handed to' });
registerEnumType(StatutoryPathEnum, { name: 'StatutoryPath', description: '法定途径：诉讼、仲裁、行政复议、行政处理、调解、信访（兜底）、咨询 / the statutory road' });
registerEnumType(ComplexityEnum, { name: 'Complexity', description: '急、简、繁、难 / urgent, simple, complex, difficult' });
registerEnumType(WarningColourEnum, { name: 'WarningColour', description: '预警颜色，含义由本辖区政策规定 / warning colour; its meaning is the jurisdiction’s policy' });
registerEnumType(MatterClassEnum, { name: 'MatterClass', description: '建议意见、检举控告、申诉求决（第二十九至三十一条） / suggestion, accusation, claim' });
registerEnumType(DisputeStatusEnum, { name: 'JurisdictionDisputeStatus', description: '待决定、已决定 / open or decided' });
registerEnumType(HandoverStatusEnum, { name: 'HandoverStatus', description: '首接移交：待答复、已接收、已拒绝 / requested, accepted, declined' });
