import type { TransitionResult } from './handoff.events';
import type { Actor, HandoffState } from './handoff.types';
import { OTHER_ROADS } from './handoff-outcome';
import { fail, hasText, requireDate, requireText, type GuardContext } from './handoff-guards';

export interface WithdrawRequest {
  reason: string;
  /** Someone acting for the source organisation (or the system, for it, when the petition is withdrawn). */
  by: Actor;
}

/**
 * The source recalls a handoff the receiving organisation has not answered yet — the petitioner
 * withdrew, or the source sent it by mistake. Outside the receiver's state machine, like the
 * request itself: only from `requested`, only by the source. It ends as a failure of kind
 * `withdrawn` (在线调解规则 Art 25), so the record says why no mediation took place.
 */
export function withdrawRequest(state: HandoffState, cmd: WithdrawRequest, now: Date): TransitionResult {
  const ctx: GuardContext = { from: state.status, command: 'withdraw_request' };
  requireDate(ctx, now, 'now');
  if (state.status !== 'requested') fail(ctx, 'illegal_transition', '调解组织已作出答复，不能撤回移交', `withdraw_request is not allowed in status ${state.status}`);
  if (!hasText(cmd.by?.userId)) fail(ctx, 'invalid_command', '须注明经办人', 'by.userId is required', 'by.userId');
  if (cmd.by.orgCode !== state.source.orgCode) {
    fail(ctx, 'actor_not_permitted', '只有移交机关可以撤回移交', `only ${state.source.orgCode} may withdraw this handoff`, 'by.orgCode');
  }
  const reason = requireText(ctx, cmd.reason, 'reason', '撤回理由');
  const last = state.timeline.at(-1);
  if (last !== undefined && now.getTime() < Date.parse(last.at)) fail(ctx, 'invalid_command', '操作时间早于上一步', 'now is earlier than the last transition', 'now');
  const at = now.toISOString();
  const entry = { at, command: 'withdraw_request' as const, from: state.status, to: 'concluded_failed' as const, actor: { userId: cmd.by.userId, orgCode: cmd.by.orgCode } };
  return {
    state: {
      ...state,
      status: 'concluded_failed',
      conclusion: { outcome: 'failure', end: 'withdrawn', reason, at, otherRoads: OTHER_ROADS },
      timeline: [...state.timeline, entry],
    },
    events: [{ type: 'handoff.concluded', handoffId: state.id, at, kind: state.route.kind, outcome: 'failure', end: 'withdrawn', reason, otherRoads: OTHER_ROADS }],
  };
}
