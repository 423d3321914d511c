import { registerEnumType } from '@nestjs/graphql';
import { ASSIGNMENT_ROLES, CHANNELS, GRIEVANCE_STATUSES } from '@yikouban/contracts';
import type { ClockSummary } from '@yikouban/contracts';

/**
 * GraphQL enums built from the contract lists, so a value added to a contract shows up in the
 * schema (and in the committed SDL's diff). Names are upper case; values stay the wire values.
 */
function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
}

export const CLOCK_STATES: readonly ClockSummary['state'][] = ['running', 'paused', 'stopped', 'breached'];

export const GrievanceStatusEnum = enumOf(GRIEVANCE_STATUSES);
export const ChannelEnum = enumOf(CHANNELS);
export const AssignmentRoleEnum = enumOf(ASSIGNMENT_ROLES);
export const ClockStateEnum = enumOf(CLOCK_STATES);

registerEnumType(GrievanceStatusEnum, { name: 'GrievanceStatus', description: '诉求状态 / where the grievance is in its lifecycle' });
registerEnumType(ChannelEnum, { name: 'Channel', description: '渠道 / how the grievance came in' });
registerEnumType(AssignmentRoleEnum, { name: 'AssignmentRole', description: '主办 (lead) / 协办 (co)' });
registerEnumType(ClockStateEnum, { name: 'ClockState', description: '时限状态 / state of a deadline clock' });
