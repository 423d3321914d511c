import type { AssignmentRole, AssignmentStatusName } from '@yikouban/contracts';
import { WorkbenchError } from './workbench.errors';

export type AssignmentStatus = AssignmentStatusName;

/** What the state machine needs to know of an assignment. */
export interface AssignmentState {
  status: AssignmentStatus;
  role: AssignmentRole;
  orgCode: string;
  returnDeadlineAt: Date;
  bindingDecisionId: string | null;
  /** The unit a handover was asked for and not yet answered (首接负责制). */
  pendingHandoverTo: string | null;
}

/** Who acts. `oversight`: the command centre or the petition bureau, which route and re-route cases. */
export interface Actor {
  userId: string;
  orgCode: string;
  oversight: boolean;
}

/**
 * Commands by the unit, by oversight, or by the system itself: `escalate` (a dispute opened),
 * `settle` (a jurisdiction decision moved the case), `close` (the lead replied or redirected).
 */
export type AssignmentCommand =
  | { type: 'accept'; by: Actor }
  | { type: 'return'; by: Actor; reason: string }
  | { type: 'progress'; by: Actor; note: string }
  | { type: 'dispatch'; by: Actor; team: string; expectedArrivalAt: Date }
  | { type: 'contribute'; by: Actor; text: string }
  | { type: 'reply'; by: Actor }
  | { type: 'set_case_leader'; by: Actor }
  | { type: 'request_handover'; by: Actor; toOrgCode: string }
  | { type: 'accept_handover'; by: Actor }
  | { type: 'decline_handover'; by: Actor }
  | { type: 'reassign'; by: Actor }
  | { type: 'redirect'; by: Actor }
  | { type: 'escalate' }
  | { type: 'settle' }
  | { type: 'close' };
export type AssignmentCommandType = AssignmentCommand['type'];

export const ASSIGNMENT_COMMAND_TYPES: readonly AssignmentCommandType[] = [
  'accept', 'return', 'progress', 'dispatch', 'contribute', 'reply', 'set_case_leader', 'request_handover',
  'accept_handover', 'decline_handover', 'reassign', 'redirect', 'escalate', 'settle', 'close',
];

/** Statuses in which the unit is (still) working the case. */
export const WORKING: readonly AssignmentStatus[] = ['created', 'accepted', 'in_progress'];
const HANDLING: readonly AssignmentStatus[] = ['accepted', 'in_progress'];

/** Which statuses admit each command. Guards below may still refuse a particular one. */
export const STATUSES_BY_COMMAND: Readonly<Record<AssignmentCommandType, readonly AssignmentStatus[]>> = {
  accept: ['created'],
  return: ['created'],
  progress: HANDLING,
  dispatch: HANDLING,
  contribute: HANDLING,
  reply: HANDLING,
  set_case_leader: WORKING,
  request_handover: WORKING,
  accept_handover: WORKING,
  decline_handover: WORKING,
  reassign: ['awaiting_reassignment'],
  redirect: WORKING,
  escalate: ['awaiting_reassignment'],
  settle: ['disputed', 'awaiting_reassignment', ...WORKING],
  close: [...WORKING, 'awaiting_reassignment'],
};

export interface Transition {
  to: AssignmentStatus;
  pendingHandoverTo: string | null;
}

const refuse = (code: ConstructorParameters<typeof WorkbenchError>[0], zh: string, en: string, field?: string): never => {
  throw new WorkbenchError(code, `${zh} (${en})`, field);
};

/** Commands that end the unit's part: refused while a handover waits for its answer. */
const ENDING: readonly AssignmentCommandType[] = ['return', 'reply', 'redirect'];

function checkActor(s: AssignmentState, c: AssignmentCommand): void {
  if (!('by' in c)) return;
  const own = c.by.orgCode === s.orgCode;
  const allowed =
    c.type === 'reassign' ? c.by.oversight
    : c.type === 'redirect' ? own || c.by.oversight
    : c.type === 'accept_handover' || c.type === 'decline_handover' ? s.pendingHandoverTo === null ? own : c.by.orgCode === s.pendingHandoverTo
    : own;
  if (!allowed) refuse('actor_not_permitted', `单位 ${c.by.orgCode} 不能对该交办事项执行 ${c.type}`, `${c.by.orgCode} may not ${c.type} this assignment`, 'by.orgCode');
}

function checkStatus(s: AssignmentState, c: AssignmentCommand): void {
  if (STATUSES_BY_COMMAND[c.type].includes(s.status)) return;
  if (c.type === 'reassign' && s.status === 'disputed') {
    refuse('jurisdiction_disputed', '多个单位均已退回，待共同上级或联席会议决定', 'units disagree: the common superior or the joint conference decides');
  }
  refuse('illegal_transition', `当前状态（${s.status}）不允许此操作`, `${c.type} is not allowed in status ${s.status}`);
}

function checkGuards(s: AssignmentState, c: AssignmentCommand, now: Date): void {
  if (s.pendingHandoverTo !== null && ENDING.includes(c.type)) {
    refuse('handover_pending', `已申请移交 ${s.pendingHandoverTo}，待对方答复`, `a handover to ${s.pendingHandoverTo} awaits its answer`);
  }
  switch (c.type) {
    case 'return':
      if (s.bindingDecisionId !== null) refuse('decision_binding', '该交办系管辖争议决定所作，不得退回', 'made by a jurisdiction decision, which binds');
      if (now.getTime() > s.returnDeadlineAt.getTime()) {
        refuse('return_window_closed', `已超过退回期限（${s.returnDeadlineAt.toISOString()}，交办后5个工作日）`, 'the 5-working-day window for returning has closed');
      }
      if (!c.reason.trim()) refuse('invalid_command', '退回须说明理由', 'a return needs a reason', 'reason');
      return;
    case 'reply':
      if (s.role !== 'lead') refuse('lead_only', '只有主办单位出具处理意见书', 'only the lead unit replies');
      return;
    case 'contribute':
      if (s.role !== 'co') refuse('co_only', '协办单位向主办单位提交协办意见', 'only co-units contribute to the reply');
      if (!c.text.trim()) refuse('invalid_command', '协办意见不能为空', 'the contribution is empty', 'text');
      return;
    case 'progress':
      if (!c.note.trim()) refuse('invalid_command', '办理情况不能为空', 'the note is empty', 'note');
      return;
    case 'dispatch':
      if (!Number.isFinite(c.expectedArrivalAt.getTime())) refuse('invalid_command', '预计到达时间无效', 'expectedArrivalAt is not a date', 'expectedArrivalAt');
      if (!c.team.trim()) refuse('invalid_command', '须注明外送服务人员', 'the team is required', 'team');
      return;
    case 'request_handover':
      if (s.pendingHandoverTo !== null) refuse('handover_pending', '已有待答复的移交申请', 'a handover already awaits its answer');
      if (c.toOrgCode === s.orgCode) refuse('invalid_command', '不能移交给本单位', 'cannot hand over to itself', 'toOrgCode');
      return;
    case 'accept_handover':
    case 'decline_handover':
      if (s.pendingHandoverTo === null) refuse('no_handover_pending', '没有待答复的移交申请', 'no handover awaits an answer');
      return;
    default:
      return;
  }
}

function next(s: AssignmentState, c: AssignmentCommand): Transition {
  const keep = { pendingHandoverTo: s.pendingHandoverTo };
  switch (c.type) {
    case 'accept':
      return { to: 'accepted', ...keep };
    case 'return':
      return { to: 'awaiting_reassignment', ...keep };
    case 'progress':
    case 'dispatch':
    case 'contribute':
      return { to: 'in_progress', ...keep };
    case 'reply':
      return { to: 'replied', ...keep };
    case 'set_case_leader':
      return { to: s.status, ...keep };
    case 'request_handover':
      return { to: s.status, pendingHandoverTo: c.toOrgCode };
    case 'accept_handover':
      return { to: 'handed_over', pendingHandoverTo: null };
    case 'decline_handover':
      return { to: s.status, pendingHandoverTo: null };
    case 'reassign':
      return { to: 'reassigned', ...keep };
    case 'settle':
      return { to: 'reassigned', pendingHandoverTo: null };
    case 'redirect':
      return { to: 'redirected', ...keep };
    case 'escalate':
      return { to: 'disputed', ...keep };
    case 'close':
      return { to: 'closed', pendingHandoverTo: null };
  }
}

/**
 * The assignment lifecycle (交办 → 签收 or 退回 → 办理 → 答复), pure: who may act, in which status,
 * under which guard, and where it leads. Throws WorkbenchError when refused. The actor is checked
 * first, so an outsider learns nothing of the assignment's status.
 */
export function transition(s: AssignmentState, c: AssignmentCommand, now: Date): Transition {
  checkActor(s, c);
  checkStatus(s, c);
  checkGuards(s, c, now);
  return next(s, c);
}
