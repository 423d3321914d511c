import { REGISTRATION_STEP } from './deadline-planner';

/**
 * When a running clock next needs attention: each warning share of its time (临期提醒), the
 * deadline itself (超期), then each escalation step after it (督办升级). Pure: the sweeper and
 * tests call it with the clock as stored.
 */
export interface AlarmClock {
  /** The step the clock times: it picks the escalation chain (escalationChain). */
  step: string;
  startedAt: Date;
  dueAt: Date;
  warnShares: number[];
  warningsSent: number;
  escalationLevel: number;
}

export type Alarm =
  | { kind: 'warning'; at: Date; share: number }
  | { kind: 'breach'; at: Date; level: number; escalatedTo: string };

/** The chain a breach climbs while the matter stays open, with how long after the deadline each step comes. */
export const ESCALATION_CHAIN: { to: string; afterHours: number }[] = [
  { to: 'handling_unit', afterHours: 0 },
  { to: 'command_centre', afterHours: 24 },
  { to: 'joint_office', afterHours: 72 },
  { to: 'discipline_inspection', afterHours: 168 },
];

/**
 * Registration (登记并转送、交办 within 15 days, 第二十二条) is the petition department's own duty:
 * until it transfers or assigns the grievance no unit holds it, so a registration breach goes
 * first to the office that registered it (信访部门, the directory's petition_bureau), then up the
 * same chain at the same hours.
 */
export const REGISTRATION_ESCALATION_CHAIN: { to: string; afterHours: number }[] = [{ to: 'petition_bureau', afterHours: 0 }, ...ESCALATION_CHAIN.slice(1)];

/** The chain a breach of the step climbs. */
export const escalationChain = (step: string) => (step === REGISTRATION_STEP ? REGISTRATION_ESCALATION_CHAIN : ESCALATION_CHAIN);

/** Who a clock of the step at the escalation level has gone to, or null before its breach. */
export const escalatedTo = (step: string, level: number): string | null => (level > 0 ? (escalationChain(step)[level - 1]?.to ?? null) : null);

export function nextAlarm(c: AlarmClock): Alarm | null {
  const span = c.dueAt.getTime() - c.startedAt.getTime();
  const shares = [...c.warnShares].filter((s) => s > 0 && s < 1).sort((a, b) => a - b);
  if (c.escalationLevel === 0 && c.warningsSent < shares.length) {
    const share = shares[c.warningsSent];
    return { kind: 'warning', at: new Date(c.startedAt.getTime() + span * share), share };
  }
  const step = escalationChain(c.step)[c.escalationLevel];
  if (!step) return null;
  return { kind: 'breach', at: new Date(c.dueAt.getTime() + step.afterHours * 3_600_000), level: c.escalationLevel + 1, escalatedTo: step.to };
}

/** Every alarm due by `now`, in order, and the clock's counters after them (a sweep that was late catches up). */
export function dueAlarms(c: AlarmClock, now: Date): { fired: Alarm[]; after: AlarmClock; next: Alarm | null } {
  const fired: Alarm[] = [];
  let state = { ...c };
  for (let a = nextAlarm(state); a && a.at.getTime() <= now.getTime(); a = nextAlarm(state)) {
    fired.push(a);
    state = a.kind === 'warning' ? { ...state, warningsSent: state.warningsSent + 1 } : { ...state, escalationLevel: a.level };
  }
  return { fired, after: state, next: nextAlarm(state) };
}
