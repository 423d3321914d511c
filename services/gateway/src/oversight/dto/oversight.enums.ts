import { registerEnumType } from '@nestjs/graphql';
import { BACKLOG_REASONS, NOTICE_LEVELS, NOTICE_STATES, NOTICE_VERDICTS } from '@yikouban/contracts';

/** Enums from the contract lists (upper-case names, wire values), as the supervision module builds them. */
function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
}

export const NoticeLevelEnum = enumOf(NOTICE_LEVELS);
export const NoticeStateEnum = enumOf(NOTICE_STATES);
export const NoticeVerdictEnum = enumOf(NOTICE_VERDICTS);
export const BacklogReasonEnum = enumOf(BACKLOG_REASONS);

registerEnumType(NoticeLevelEnum, { name: 'NoticeLevel', description: '督办层级：联席办、纪委监委、督查室 / the issuing body' });
registerEnumType(NoticeStateEnum, { name: 'NoticeState', description: '督办单状态：待答复、待审核、退回、已办结 / where a notice stands' });
registerEnumType(NoticeVerdictEnum, { name: 'NoticeVerdict', description: '审核结论：通过、退回 / accepted or rejected' });
registerEnumType(BacklogReasonEnum, { name: 'BacklogReason', description: '列入积案的原因：超龄、重复信访、办理超期 / why a case is in the backlog' });
