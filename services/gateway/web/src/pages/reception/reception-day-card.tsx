import { useState } from 'react';
import { gql } from '../../api/client';
import { EnumSelect, Field, Form, InlineForm, SubmitBar, TextAreaField, TextField } from '../../components/form-fields';
import { Badge, StatusBadge } from '../../components/labels';
import { useAction } from '../../components/use-action';
import { useI18n } from '../../i18n';
import { BOOK, OUTCOMES, RECORD, REVEAL, type Appointment, type ReceptionDay, type ReceptionRecord } from './rota-types';

/** 预约: a petitioner's grievance (by tracking code) on this slot; the service keeps 初信初访 inside its 7-day window. */
function BookForm({ day, onDone }: { day: ReceptionDay; onDone: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const action = useAction();
  const book = async () => {
    if (await action.run(() => gql(BOOK, { input: { receptionDayId: day.id, trackingCode: code.trim() } }))) {
      setCode('');
      onDone();
    }
  };
  return (
    <InlineForm testId="book-form" label={t('receptionDay.book')} busy={action.busy} disabled={day.booked >= day.capacity} error={action.error} onSubmit={book}>
      <input name="bookTrackingCode" value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('common.trackingCode')} required style={{ width: '14rem' }} />
    </InlineForm>
  );
}

/** The promise's date is kept to the end of that day, Beijing time: supervision times the promise against it. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59+08:00`).toISOString();

/** 接访台账: who came, what was said, the outcome, the legal adviser's advice, and any promise with its date. */
function RecordForm({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ whoReceived: '', phone: '', idNumber: '', headcount: '1', summary: '', outcome: 'PROMISE_MADE', legalAdvice: '', promise: '', promisedBy: '' });
  const action = useAction();
  const set = (k: keyof typeof f) => (value: string) => setF({ ...f, [k]: value });
  const promising = f.outcome === 'PROMISE_MADE';
  const submit = async () => {
    const input = {
      appointmentId: appointment.id,
      whoReceived: f.whoReceived.trim(),
      ...(f.phone.trim() ? { phone: f.phone.trim() } : {}),
      ...(f.idNumber.trim() ? { idNumber: f.idNumber.trim() } : {}),
      headcount: Number(f.headcount),
      summary: f.summary.trim(),
      outcome: f.outcome,
      ...(f.legalAdvice.trim() ? { legalAdvice: f.legalAdvice.trim() } : {}),
      ...(f.promise.trim() ? { promise: f.promise.trim() } : {}),
      ...(f.promisedBy ? { promisedBy: endOfDay(f.promisedBy) } : {}),
    };
    if (await action.run(() => gql(RECORD, { input }))) onDone();
  };
  return (
    <Form onSubmit={submit} testId="record-form">
      <div className="row">
        <TextField label={t('receptionDay.whoReceived')} name="whoReceived" value={f.whoReceived} onValue={set('whoReceived')} required maxLength={200} />
        <TextField label={t('receptionDay.phone')} name="receivedPhone" type="tel" value={f.phone} onValue={set('phone')} maxLength={20} />
        <TextField label={t('receptionDay.idNumber')} name="receivedIdNumber" value={f.idNumber} onValue={set('idNumber')} maxLength={18} />
        <TextField label={t('submit.headcount')} name="recordHeadcount" type="number" min={1} value={f.headcount} onValue={set('headcount')} required />
        <Field label={t('receptionDay.outcome')}>
          <EnumSelect name="outcome" prefix="receptionOutcome" values={OUTCOMES} value={f.outcome} onValue={set('outcome')} />
        </Field>
      </div>
      <TextAreaField label={t('receptionDay.summary')} name="summary" value={f.summary} onValue={set('summary')} required maxLength={5000} />
      <TextAreaField label={t('receptionDay.legalAdvice')} name="legalAdvice" value={f.legalAdvice} onValue={set('legalAdvice')} maxLength={5000} />
      <div className="row">
        <TextField label={t('receptionDay.promise')} name="promise" value={f.promise} onValue={set('promise')} required={promising} maxLength={2000} />
        <TextField label={t('receptionDay.promisedBy')} name="promisedBy" type="date" value={f.promisedBy} onValue={set('promisedBy')} required={promising || !!f.promise.trim()} />
      </div>
      <SubmitBar label={t('receptionDay.record')} busy={action.busy} error={action.error} />
    </Form>
  );
}

/** Who was received, as the ledger gives it (masked) or as revealed. */
type Person = Pick<ReceptionRecord, 'whoReceived' | 'phone' | 'idNumber'>;
const personLine = (p: Person) => [p.whoReceived, p.phone, p.idNumber].filter(Boolean).join(' · ');

/** Who was received is shown masked; the roles that need it see it in full after giving a reason (audited). */
function RevealPerson({ record }: { record: ReceptionRecord }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [person, setPerson] = useState<Person | null>(null);
  const action = useAction();
  if (person) {
    return (
      <span data-testid="revealed-person">
        {' '}
        <strong>{personLine(person)}</strong> <span className="muted">({t('receptionDay.revealed')})</span>
      </span>
    );
  }
  if (!asking) {
    return (
      <button type="button" data-testid="reveal-person" onClick={() => setAsking(true)} style={{ marginLeft: '0.5rem' }}>
        {t('receptionDay.reveal')}
      </button>
    );
  }
  const reveal = async () => {
    const r = await action.run(() => gql<{ revealReceptionRecord: Person }>(REVEAL, { id: record.id, reason: reason.trim() }));
    if (r) setPerson(r.revealReceptionRecord);
  };
  return (
    <InlineForm testId="reveal-form" label={t('receptionDay.revealSubmit')} busy={action.busy} error={action.error} onSubmit={reveal}>
      <input name="revealReason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('receptionDay.revealReason')} required minLength={4} maxLength={500} style={{ width: '16rem' }} />
    </InlineForm>
  );
}

function AppointmentRow({ a, canDesk, canReveal, onChanged }: { a: Appointment; canDesk: boolean; canReveal: boolean; onChanged: () => void }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [recording, setRecording] = useState(false);
  return (
    <li data-appointment-id={a.id} data-tracking-code={a.trackingCode ?? ''} data-status={a.status}>
      <strong>{a.trackingCode ?? '—'}</strong> <StatusBadge prefix="appointmentStatus" value={a.status} tone={a.status === 'BOOKED' ? 'warn' : undefined} />
      {a.firstTime && <Badge>{t('reception.firstTime')}</Badge>}
      {a.receptionDueAt && <span className="muted"> · {t('receptionDay.firstTimeDue', { at: formatDateTime(a.receptionDueAt) })}</span>}
      {a.record && (
        <div className="ok" data-testid="reception-record" style={{ marginTop: '0.3rem' }}>
          <div>
            <span data-testid="received-person">{personLine(a.record)}</span> · {t('receptionDay.people', { n: a.record.headcount })} · {tEnum('receptionOutcome', a.record.outcome)} · {formatDateTime(a.record.receivedAt)}
            {canReveal && <RevealPerson record={a.record} />}
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
              {a.record.clockId && <Badge>{t('receptionDay.timed')}</Badge>}
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
export function ReceptionDayCard({ day, canDesk, canReveal, onChanged }: { day: ReceptionDay; canDesk: boolean; canReveal: boolean; onChanged: () => void }) {
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
            <AppointmentRow key={a.id} a={a} canDesk={canDesk} canReveal={canReveal} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {canDesk && <BookForm day={day} onDone={onChanged} />}
    </section>
  );
}
