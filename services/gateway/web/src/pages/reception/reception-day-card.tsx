import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n';
import { BOOK, OUTCOMES, RECORD, type Appointment, type ReceptionDay } from './rota-types';

/** 预约: a petitioner's grievance (by tracking code) on this slot; the service keeps 初信初访 inside its 7-day window. */
function BookForm({ day, onDone }: { day: ReceptionDay; onDone: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const action = useAction();
  return (
    <form
      className="actions"
      data-testid="book-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => gql(BOOK, { input: { receptionDayId: day.id, trackingCode: code.trim() } }))) {
          setCode('');
          onDone();
        }
      }}
    >
      <input name="bookTrackingCode" value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('common.trackingCode')} required style={{ width: '14rem' }} />
      <button type="submit" disabled={action.busy || day.booked >= day.capacity}>
        {t('receptionDay.book')}
      </button>
      <ErrorMessage error={action.error} />
    </form>
  );
}

/** The promise's date is kept to the end of that day, Beijing time: supervision times the promise against it. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59+08:00`).toISOString();

/** 接访台账: who came, what was said, the outcome, the legal adviser's advice, and any promise with its date. */
function RecordForm({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const { t, tEnum } = useI18n();
  const [f, setF] = useState({ whoReceived: '', headcount: '1', summary: '', outcome: 'PROMISE_MADE', legalAdvice: '', promise: '', promisedBy: '' });
  const action = useAction();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const promising = f.outcome === 'PROMISE_MADE';
  return (
    <form
      className="form"
      data-testid="record-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = {
          appointmentId: appointment.id,
          whoReceived: f.whoReceived.trim(),
          headcount: Number(f.headcount),
          summary: f.summary.trim(),
          outcome: f.outcome,
          ...(f.legalAdvice.trim() ? { legalAdvice: f.legalAdvice.trim() } : {}),
          ...(f.promise.trim() ? { promise: f.promise.trim() } : {}),
          ...(f.promisedBy ? { promisedBy: endOfDay(f.promisedBy) } : {}),
        };
        if (await action.run(() => gql(RECORD, { input }))) onDone();
      }}
    >
      <div className="row">
        <label>
          {t('receptionDay.whoReceived')}
          <input name="whoReceived" value={f.whoReceived} onChange={set('whoReceived')} required maxLength={200} />
        </label>
        <label>
          {t('submit.headcount')}
          <input name="recordHeadcount" type="number" min={1} value={f.headcount} onChange={set('headcount')} required />
        </label>
        <label>
          {t('receptionDay.outcome')}
          <select name="outcome" value={f.outcome} onChange={set('outcome')}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {tEnum('receptionOutcome', o)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('receptionDay.summary')}
        <textarea name="summary" value={f.summary} onChange={set('summary')} required maxLength={5000} />
      </label>
      <label>
        {t('receptionDay.legalAdvice')}
        <textarea name="legalAdvice" value={f.legalAdvice} onChange={set('legalAdvice')} maxLength={5000} />
      </label>
      <div className="row">
        <label>
          {t('receptionDay.promise')}
          <input name="promise" value={f.promise} onChange={set('promise')} required={promising} maxLength={2000} />
        </label>
        <label>
          {t('receptionDay.promisedBy')}
          <input name="promisedBy" type="date" value={f.promisedBy} onChange={set('promisedBy')} required={promising || !!f.promise.trim()} />
        </label>
      </div>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('receptionDay.record')}
        </button>
      </div>
    </form>
  );
}

function AppointmentRow({ a, canDesk, onChanged }: { a: Appointment; canDesk: boolean; onChanged: () => void }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [recording, setRecording] = useState(false);
  return (
    <li data-appointment-id={a.id} data-tracking-code={a.trackingCode ?? ''} data-status={a.status}>
      <strong>{a.trackingCode ?? '—'}</strong> <span className={`badge${a.status === 'BOOKED' ? ' warn' : ''}`}>{tEnum('appointmentStatus', a.status)}</span>
      {a.firstTime && <span className="badge">{t('reception.firstTime')}</span>}
      {a.receptionDueAt && <span className="muted"> · {t('receptionDay.firstTimeDue', { at: formatDateTime(a.receptionDueAt) })}</span>}
      {a.record && (
        <div className="ok" data-testid="reception-record" style={{ marginTop: '0.3rem' }}>
          <div>
            {a.record.whoReceived} · {t('receptionDay.people', { n: a.record.headcount })} · {tEnum('receptionOutcome', a.record.outcome)} · {formatDateTime(a.record.receivedAt)}
          </div>
          <div>{a.record.summary}</div>
          {a.record.legalAdvice && (
            <div className="muted">
              {t('receptionDay.legalAdvice')}: {a.record.legalAdvice}
            </div>
          )}
          {a.record.promise && (
            <div data-testid="promise">
              <strong>{t('receptionDay.promise')}:</strong> {a.record.promise} · {t('receptionDay.promisedByAt', { at: formatDateTime(a.record.promisedBy) })}
              {a.record.clockId && <span className="badge">{t('receptionDay.timed')}</span>}
            </div>
          )}
        </div>
      )}
      {canDesk && a.status === 'BOOKED' &&
        (recording ? (
          <RecordForm appointment={a} onDone={() => (setRecording(false), onChanged())} />
        ) : (
          <button type="button" data-testid="open-record" onClick={() => setRecording(true)} style={{ marginLeft: '0.5rem' }}>
            {t('receptionDay.record')}
          </button>
        ))}
    </li>
  );
}

/** One half-day on the rota: the leader with the legal adviser (1+1), its appointments, and booking. */
export function ReceptionDayCard({ day, canDesk, onChanged }: { day: ReceptionDay; canDesk: boolean; onChanged: () => void }) {
  const { t, tEnum } = useI18n();
  return (
    <section className="card" data-testid="reception-day" data-day={day.day} data-slot={day.slot} data-leader-id={day.leaderId}>
      <h3 style={{ marginTop: 0 }}>
        {day.day} {tEnum('slot', day.slot)} · {day.leaderName} <span className="muted">+ {t('receptionDay.adviser')} {day.legalAdviserName}</span>
      </h3>
      <p className="muted">
        {day.place} · {day.orgCode} · {t('receptionDay.bookedOf', { booked: day.booked, capacity: day.capacity })}
      </p>
      {day.appointments.length > 0 && (
        <ul className="plain" data-testid="appointments">
          {day.appointments.map((a) => (
            <AppointmentRow key={a.id} a={a} canDesk={canDesk} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {canDesk && <BookForm day={day} onDone={onChanged} />}
    </section>
  );
}
