import fc from 'fast-check';
import { ASSIGNMENT_STATUSES } from '@yikouban/contracts';
import { ASSIGNMENT_COMMAND_TYPES, transition, type Actor, type AssignmentCommand, type AssignmentCommandType, type AssignmentState, type AssignmentStatus } from './assignment-machine';
import { WorkbenchError, type WorkbenchErrorCode } from './workbench.errors';

const NOW = new Date('2026-03-02T02:00:00Z');
const unit: Actor = { userId: 'u1', orgCode: 'dept_human_resources', oversight: false };
const centre: Actor = { userId: 'op1', orgCode: 'command_330621', oversight: true };
const target: Actor = { userId: 'u2', orgCode: 'dept_housing', oversight: false };

const state = (over: Partial<AssignmentState> = {}): AssignmentState => ({
  status: 'created',
  role: 'lead',
  orgCode: unit.orgCode,
  returnDeadlineAt: new Date('2026-03-09T16:00:00Z'),
  bindingDecisionId: null,
  pendingHandoverTo: null,
  ...over,
});

/** A command of each type issued by the one entitled to it. */
function commandOf(type: AssignmentCommandType): AssignmentCommand {
  switch (type) {
    case 'accept': case 'reply': case 'set_case_leader': return { type, by: unit };
    case 'return': return { type, by: unit, reason: '不属于本单位职责' };
    case 'progress': return { type, by: unit, note: '已约谈用工单位' };
    case 'dispatch': return { type, by: unit, team: '城关镇外送服务队', expectedArrivalAt: new Date('2026-03-02T03:00:00Z') };
    case 'contribute': return { type, by: unit, text: '住建局意见：已责令总包单位清偿' };
    case 'request_handover': return { type, by: unit, toOrgCode: target.orgCode };
    case 'accept_handover': case 'decline_handover': return { type, by: target };
    case 'reassign': return { type, by: centre };
    case 'redirect': return { type, by: unit };
    case 'escalate': case 'settle': case 'close': return { type };
  }
}

/** The state in which the entitled actor's command meets no guard other than the status. */
function fittingState(type: AssignmentCommandType, status: AssignmentStatus): AssignmentState {
  return state({
    status,
    role: type === 'contribute' ? 'co' : 'lead',
    pendingHandoverTo: type === 'accept_handover' || type === 'decline_handover' ? target.orgCode : null,
  });
}

function refusalOf(f: () => unknown): WorkbenchErrorCode | 'none' {
  try {
    f();
    return 'none';
  } catch (err) {
    if (err instanceof WorkbenchError) return err.code;
    throw err;
  }
}

/**
 * The lifecycle written out by hand, independently of the machine's own table: for each command,
 * the statuses that admit it and where each leads. Every pair not listed must be refused.
 */
const EXPECTED: Record<AssignmentCommandType, Partial<Record<AssignmentStatus, AssignmentStatus>>> = {
  accept: { created: 'accepted' },
  return: { created: 'awaiting_reassignment' },
  progress: { accepted: 'in_progress', in_progress: 'in_progress' },
  dispatch: { accepted: 'in_progress', in_progress: 'in_progress' },
  contribute: { accepted: 'in_progress', in_progress: 'in_progress' },
  reply: { accepted: 'replied', in_progress: 'replied' },
  set_case_leader: { created: 'created', accepted: 'accepted', in_progress: 'in_progress' },
  request_handover: { created: 'created', accepted: 'accepted', in_progress: 'in_progress' },
  accept_handover: { created: 'handed_over', accepted: 'handed_over', in_progress: 'handed_over' },
  decline_handover: { created: 'created', accepted: 'accepted', in_progress: 'in_progress' },
  reassign: { awaiting_reassignment: 'reassigned' },
  redirect: { created: 'redirected', accepted: 'redirected', in_progress: 'redirected' },
  escalate: { awaiting_reassignment: 'disputed' },
  settle: { disputed: 'reassigned', awaiting_reassignment: 'reassigned', created: 'reassigned', accepted: 'reassigned', in_progress: 'reassigned' },
  close: { created: 'closed', accepted: 'closed', in_progress: 'closed', awaiting_reassignment: 'closed' },
};

describe('assignment state machine', () => {
  const pairs = ASSIGNMENT_COMMAND_TYPES.flatMap((type) => ASSIGNMENT_STATUSES.map((status) => [type, status] as const));

  it.each(pairs)('%s in status %s goes where the lifecycle says, or is refused', (type, status) => {
    const expected = EXPECTED[type][status];
    const s = fittingState(type, status);
    if (expected) {
      expect(transition(s, commandOf(type), NOW).to).toBe(expected);
    } else {
      const code = refusalOf(() => transition(s, commandOf(type), NOW));
      expect(code).toBe(type === 'reassign' && status === 'disputed' ? 'jurisdiction_disputed' : 'illegal_transition');
    }
  });

  it('admits nothing once the unit is done with the case', () => {
    const finished: AssignmentStatus[] = ['replied', 'reassigned', 'handed_over', 'redirected', 'closed'];
    fc.assert(
      fc.property(fc.constantFrom(...finished), fc.constantFrom(...ASSIGNMENT_COMMAND_TYPES), (status, type) => {
        expect(refusalOf(() => transition(fittingState(type, status), commandOf(type), NOW))).not.toBe('none');
      }),
    );
  });

  it('refuses every unit command from another unit, whatever the status, without telling it the status', () => {
    const unitCommands = ASSIGNMENT_COMMAND_TYPES.filter((t) => !['escalate', 'settle', 'close', 'accept_handover', 'decline_handover'].includes(t));
    fc.assert(
      fc.property(fc.constantFrom(...ASSIGNMENT_STATUSES), fc.constantFrom(...unitCommands), (status, type) => {
        const cmd = { ...commandOf(type), by: { userId: 'x', orgCode: 'town_330621103', oversight: false } } as AssignmentCommand;
        expect(refusalOf(() => transition(state({ status, role: type === 'contribute' ? 'co' : 'lead' }), cmd, NOW))).toBe('actor_not_permitted');
      }),
    );
  });

  it('lets a unit return a misrouted assignment until 24:00 of the fifth working day, not a moment later', () => {
    const s = state();
    const cmd = commandOf('return');
    expect(transition(s, cmd, s.returnDeadlineAt).to).toBe('awaiting_reassignment');
    expect(refusalOf(() => transition(s, cmd, new Date(s.returnDeadlineAt.getTime() + 1)))).toBe('return_window_closed');
  });

  it('needs a reason to return, and a binding jurisdiction decision cannot be returned at all', () => {
    expect(refusalOf(() => transition(state(), { type: 'return', by: unit, reason: '   ' }, NOW))).toBe('invalid_command');
    expect(refusalOf(() => transition(state({ bindingDecisionId: 'd1' }), commandOf('return'), NOW))).toBe('decision_binding');
  });

  it('lets only the lead reply and only co-units contribute', () => {
    expect(refusalOf(() => transition(state({ status: 'accepted', role: 'co' }), commandOf('reply'), NOW))).toBe('lead_only');
    expect(refusalOf(() => transition(state({ status: 'accepted', role: 'lead' }), commandOf('contribute'), NOW))).toBe('co_only');
  });

  it('lets only the command centre reassign; a unit cannot reassign its own returned assignment', () => {
    expect(refusalOf(() => transition(state({ status: 'awaiting_reassignment' }), { type: 'reassign', by: unit }, NOW))).toBe('actor_not_permitted');
  });

  it('lets the command centre or the lead itself redirect, nobody else', () => {
    expect(transition(state({ status: 'accepted' }), { type: 'redirect', by: centre }, NOW).to).toBe('redirected');
    expect(refusalOf(() => transition(state({ status: 'accepted' }), { type: 'redirect', by: target }, NOW))).toBe('actor_not_permitted');
  });

  describe('首接负责制: the receiving unit keeps the case until the handover is accepted', () => {
    const pending = state({ status: 'accepted', pendingHandoverTo: target.orgCode });

    it('records the request without moving the case', () => {
      expect(transition(state({ status: 'accepted' }), commandOf('request_handover'), NOW)).toEqual({ to: 'accepted', pendingHandoverTo: target.orgCode });
    });

    it('lets the asking unit keep working but not end its part while the answer is due', () => {
      expect(transition(pending, commandOf('progress'), NOW)).toEqual({ to: 'in_progress', pendingHandoverTo: target.orgCode });
      for (const type of ['reply', 'redirect'] as const) expect(refusalOf(() => transition(pending, commandOf(type), NOW))).toBe('handover_pending');
      expect(refusalOf(() => transition({ ...pending, status: 'created' }, commandOf('return'), NOW))).toBe('handover_pending');
      expect(refusalOf(() => transition(pending, commandOf('request_handover'), NOW))).toBe('handover_pending');
    });

    it('is answered only by the unit asked', () => {
      expect(refusalOf(() => transition(pending, { type: 'accept_handover', by: unit }, NOW))).toBe('actor_not_permitted');
      expect(transition(pending, { type: 'decline_handover', by: target }, NOW)).toEqual({ to: 'accepted', pendingHandoverTo: null });
      expect(refusalOf(() => transition(state({ status: 'accepted' }), { type: 'accept_handover', by: unit }, NOW))).toBe('no_handover_pending');
    });

    it('refuses a handover to the unit itself', () => {
      expect(refusalOf(() => transition(state(), { type: 'request_handover', by: unit, toOrgCode: unit.orgCode }, NOW))).toBe('invalid_command');
    });
  });

  it('never lands outside the lifecycle: any command from any actor either fits the table or is refused', () => {
    const actors = [unit, centre, target];
    fc.assert(
      fc.property(
        fc.constantFrom(...ASSIGNMENT_STATUSES),
        fc.constantFrom(...ASSIGNMENT_COMMAND_TYPES),
        fc.constantFrom(...actors),
        fc.constantFrom('lead' as const, 'co' as const),
        fc.option(fc.constantFrom(target.orgCode, 'vc_x'), { nil: null }),
        fc.date({ min: new Date('2026-03-01T00:00:00Z'), max: new Date('2026-03-20T00:00:00Z'), noInvalidDate: true }),
        (status, type, actor, role, pendingHandoverTo, now) => {
          const base = commandOf(type);
          const cmd = ('by' in base ? { ...base, by: actor } : base) as AssignmentCommand;
          const s = state({ status, role, pendingHandoverTo });
          let to: AssignmentStatus | undefined;
          try {
            to = transition(s, cmd, now).to;
          } catch (err) {
            expect(err).toBeInstanceOf(WorkbenchError);
            return;
          }
          expect(EXPECTED[type][status]).toBe(to);
        },
      ),
    );
  });
});
