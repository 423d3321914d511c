import type { WorkingCalendar } from '@yikouban/calendar';
import type { CalendarOverrideKind } from '@yikouban/contracts';
import { AdministrationError } from './administration.errors';
import { requireDate } from './calendar-days';
import type { StoredOverride } from './active-rules';

export interface OverrideAsk {
  jurisdiction: string;
  date: string;
  kind: CalendarOverrideKind;
  note: string;
}

/**
 * Whether an override may be added. `existing` is the jurisdiction's own override of the date, if
 * any; `inherited` is the calendar the jurisdiction has without it (the national schedule and the
 * overrides of the jurisdictions above). Returns 'replay' when the very same override exists
 * (a retried command), 'add' when it may be stored; throws otherwise.
 */
export function checkOverride(ask: OverrideAsk, existing: Pick<StoredOverride, 'kind' | 'reason'> | undefined, inherited: WorkingCalendar): 'add' | 'replay' {
  requireDate(ask.date, 'date');
  const note = ask.note.trim();
  if (!note) throw new AdministrationError('invalid_note', '须填写说明 / a note is required', 'note');
  if (existing) {
    if (existing.kind === ask.kind && existing.reason === note) return 'replay';
    const contradicts = existing.kind !== ask.kind;
    throw new AdministrationError(
      'override_conflict',
      contradicts
        ? `${ask.date} 已有相反的调整（${existing.kind}），请先删除 / an opposite override (${existing.kind}) exists for ${ask.date}; remove it first`
        : `${ask.date} 已有调整 / an override already exists for ${ask.date}`,
      'date',
    );
  }
  if (inherited.isWorkday(ask.date) === (ask.kind === 'workday')) {
    const what = ask.kind === 'workday' ? '工作日 / a working day' : '休息日 / a day off';
    throw new AdministrationError('override_redundant', `${ask.date} 本来就是${what} already`, 'kind');
  }
  return 'add';
}
