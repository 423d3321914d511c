import { useState } from 'react';
import { gql } from '../../api/client';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { EnumSelect, Field, SubmitBar, TextField } from '../../components/form-fields';
import { beijingDate } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n, type MessageKey } from '../../i18n';

const CALENDAR = `query ($jurisdiction: String!, $from: String!, $to: String!) {
  workingCalendar(jurisdiction: $jurisdiction, from: $from, to: $to) { jurisdiction from to officialData days { date workday reason holidayName note overrideJurisdiction } }
}`;
const ADD = `mutation ($input: AddCalendarOverrideInput!) { addCalendarOverride(input: $input) { date kind note jurisdiction } }`;
const REMOVE = `mutation ($input: RemoveCalendarOverrideInput!) { removeCalendarOverride(input: $input) { date } }`;

interface CalendarDay {
  date: string;
  workday: boolean;
  reason: string;
  holidayName: string | null;
  note: string | null;
  overrideJurisdiction: string | null;
}
interface WorkingCalendar {
  jurisdiction: string;
  officialData: boolean;
  days: CalendarDay[];
}

const WEEKDAYS: MessageKey[] = ['calendar.mon', 'calendar.tue', 'calendar.wed', 'calendar.thu', 'calendar.fri', 'calendar.sat', 'calendar.sun'];
const OVERRIDE_KINDS = ['HOLIDAY', 'WORKDAY'];
const isOverride = (d: CalendarDay) => d.reason === 'OVERRIDE_HOLIDAY' || d.reason === 'OVERRIDE_WORKDAY';

/** First and last day (YYYY-MM-DD) of a month given as YYYY-MM. */
function monthRange(month: string): { from: string; to: string; leadingBlanks: number } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const firstWeekday = new Date(Date.UTC(y, m - 1, 1)).getUTCDay(); // 0 = Sunday
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, leadingBlanks: (firstWeekday + 6) % 7 };
}

/** What a day is: the holiday's name, the override's note, or the plain reason. */
function DayLabel({ day }: { day: CalendarDay }) {
  const { tEnum } = useI18n();
  return (
    <>
      <div className={day.workday ? 'muted' : 'text-red'}>{tEnum('dayReason', day.reason)}</div>
      {day.holidayName && <div>{day.holidayName}</div>}
      {day.note && <div className="muted">{day.note}</div>}
    </>
  );
}

/** 工作日历: one month of a jurisdiction's calendar (workdays, weekends, holidays, make-up days, local overrides); add and remove overrides. */
export function CalendarSection({ jurisdiction }: { jurisdiction: string }) {
  const { t, tEnum } = useI18n();
  const [month, setMonth] = useState(beijingDate().slice(0, 7));
  const range = monthRange(month);
  const calendar = useAsync(() => gql<{ workingCalendar: WorkingCalendar }>(CALENDAR, { jurisdiction, from: range.from, to: range.to }).then((r) => r.workingCalendar), [jurisdiction, month]);
  const [f, setF] = useState({ date: beijingDate(), kind: 'HOLIDAY', note: '' });
  const add = useAction();
  const remove = useAction();
  const days = calendar.data?.days ?? [];
  const overrides = days.filter(isOverride);
  const overrideColumns: Column<CalendarDay>[] = [
    { header: t('calendar.date'), cell: (d) => d.date },
    { header: t('calendar.kind'), cell: (d) => tEnum('dayReason', d.reason) },
    { header: t('admin.note'), cell: (d) => d.note ?? '—' },
    { header: t('calendar.setBy'), cell: (d) => d.overrideJurisdiction ?? '—' },
    {
      header: '',
      cell: (d) =>
        d.overrideJurisdiction === jurisdiction ? (
          <button type="button" className="link" data-action="remove-override" disabled={remove.busy} onClick={async () => (await remove.run(() => gql(REMOVE, { input: { jurisdiction, date: d.date } }))) && void calendar.reload()}>
            {t('calendar.remove')}
          </button>
        ) : (
          <span className="muted">{t('calendar.inherited')}</span>
        ),
    },
  ];
  return (
    <section className="card" data-testid="calendar-section">
      <div className="toolbar">
        <h2>{t('calendar.title')}</h2>
        <TextField label={t('calendar.month')} type="month" name="month" value={month} onValue={(m) => m && setMonth(m)} />
      </div>
      <ErrorMessage error={calendar.error ?? remove.error} />
      {calendar.data && !calendar.data.officialData && <p className="hint">{t('calendar.noOfficialData')}</p>}
      <div data-testid="calendar-month" data-month={month} style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: '4px' }}>
        {WEEKDAYS.map((w) => (
          <strong key={w} style={{ textAlign: 'center' }}>
            {t(w)}
          </strong>
        ))}
        {Array.from({ length: range.leadingBlanks }, (_, i) => (
          <div key={`blank-${i}`} />
        ))}
        {days.map((d) => (
          <div
            key={d.date}
            data-date={d.date}
            data-reason={d.reason}
            data-workday={d.workday}
            title={[tEnum('dayReason', d.reason), d.holidayName, d.note, d.overrideJurisdiction].filter(Boolean).join(' · ')}
            style={{ border: '1px solid #ddd', borderRadius: 4, padding: '4px', minHeight: '4.5rem', fontSize: '0.85rem', background: d.workday ? (isOverride(d) ? '#eef6ff' : '#fff') : isOverride(d) ? '#fff1e6' : '#f6f6f6' }}
          >
            <strong>{Number(d.date.slice(8))}</strong>
            <DayLabel day={d} />
          </div>
        ))}
      </div>

      <h3>{t('calendar.overrides')}</h3>
      <DataTable testId="calendar-overrides" columns={overrideColumns} rows={calendar.data && overrides} rowKey={(d) => d.date} rowData={(d) => ({ 'data-date': d.date })} />

      <form
        className="form"
        data-testid="add-override-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await add.run(() => gql(ADD, { input: { jurisdiction, date: f.date, kind: f.kind, note: f.note.trim() } }))) {
            setMonth(f.date.slice(0, 7));
            setF({ ...f, note: '' });
            void calendar.reload();
          }
        }}
      >
        <h3>{t('calendar.add')}</h3>
        <div className="row">
          <TextField label={t('calendar.date')} type="date" name="overrideDate" value={f.date} onValue={(date) => setF({ ...f, date })} required />
          <Field label={t('calendar.kind')}>
            <EnumSelect name="overrideKind" prefix="overrideKind" values={OVERRIDE_KINDS} value={f.kind} onValue={(kind) => setF({ ...f, kind })} />
          </Field>
          <TextField label={t('admin.note')} name="overrideNote" value={f.note} onValue={(note) => setF({ ...f, note })} required maxLength={200} />
        </div>
        <SubmitBar label={t('calendar.add')} busy={add.busy} error={add.error} />
      </form>
    </section>
  );
}
