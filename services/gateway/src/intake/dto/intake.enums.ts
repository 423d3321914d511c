import { registerEnumType } from '@nestjs/graphql';
import { RECEIVING_LEVELS } from '@yikouban/contracts';

/** Wire values stay lower case; GraphQL names are upper case (as in grievance.enums.ts). */
export const ReceivingLevelEnum = Object.fromEntries(RECEIVING_LEVELS.map((v) => [v.toUpperCase(), v])) as Record<string, (typeof RECEIVING_LEVELS)[number]>;
export const DuplicateReasonEnum = { NEARBY: 'nearby', SIMILAR_TEXT: 'similar_text' } as const;

registerEnumType(ReceivingLevelEnum, { name: 'ReceivingLevel', description: '受理机关层级 / level of the organ that received the grievance (村、镇街、县、市、省)' });
registerEnumType(DuplicateReasonEnum, { name: 'DuplicateReason', description: '疑似重复的理由 / why a grievance looks like a duplicate: nearby (same category, within the radius) or similar text' });
