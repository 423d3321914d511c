import { useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { StaffPicker } from '../components/staff-picker';
import { ErrorMessage } from '../components/error-message';
import { CheckField, EnumSelect, Field, Form, SubmitBar, TextField } from '../components/form-fields';
import { beijingDate } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAsync } from '../components/use-async';
import { useI18n } from '../i18n';
import { PublicEvaluationSection } from './reception/public-evaluation-section';
import { ReceptionDayCard } from './reception/reception-day-card';
import { addDays, ROTA, SCHEDULE, type ReceptionDay } from './reception/rota-types';

/** Two weeks of the rota at a time (the API reads at most a quarter). */
const SPAN_DAYS = 14;
const KEEPERS = new Set(['SUPERVISOR', 'ADMINISTRATOR']);
const DESK = new Set(['LEADER', 'RECEPTION_CLERK']);
/** The roles that may see who was received in full (the gateway's PII roles among rota readers). */
const REVEALERS = new Set(['LEADER', 'RECEPTION_CLERK', 'COMMAND_OPERATOR']);

const SLOTS = ['MORNING', 'AFTERNOON'] as const;
const EMPTY = { day: '', slot: 'MORNING', leaderId: '', leaderName: '', legalAdviserId: '', legalAdviserName: '', orgCode: '', regionCode: '', place: '县信访局接待大厅', capacity: '5' };

/** 排班: a leader's half-day with a legal adviser (1+1), where, and how many appointments it takes. */
function ScheduleForm({ onScheduled }: { onScheduled: () => void }) {
  const { t } = useI18n();
  const [f, setF] = useState(() => ({ ...EMPTY, day: addDays(beijingDate(0), 1) }));
  const action = useAction();
  const submit = async () => {
    const { regionCode, capacity, ...rest } = f;
    const input = { ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.trim()])), capacity: Number(capacity), ...(regionCode.trim() ? { regionCode: regionCode.trim() } : {}) };
    if (await action.run(() => gql(SCHEDULE, { input }))) {
      setF({ ...EMPTY, day: f.day, place: f.place, capacity: f.capacity });
      onScheduled();
    }
  };
  // An input named after its key; every one but the region is required.
  const field = (k: keyof typeof EMPTY, label: string, props: { type?: string; min?: number; max?: number; maxLength?: number } = {}) => <TextField label={label} name={k} value={f[k]} onValue={(value) => setF({ ...f, [k]: value })} required={k !== 'regionCode'} {...props} />;
  return (
    <Form onSubmit={submit} testId="schedule-form">
      <h3>{t('receptionDay.schedule')}</h3>
      <div className="row">
        {field('day', t('receptionDay.day'), { type: 'date' })}
        <Field label={t('receptionDay.slot')}>
          <EnumSelect name="slot" prefix="slot" values={SLOTS} value={f.slot} onValue={(slot) => setF({ ...f, slot })} />
        </Field>
        {field('capacity', t('receptionDay.capacity'), { type: 'number', min: 1, max: 50 })}
      </div>
      <div className="row">
        <Field label={t('receptionDay.leaderName')}>
          <StaffPicker
            role="LEADER"
            name="leaderId"
            value={f.leaderId}
            required
            onPick={(m) => setF({ ...f, leaderId: m?.id ?? '', leaderName: m ? m.displayName.replace(/\s*\(.*\)$/, '') : f.leaderName, orgCode: m?.orgCode ?? f.orgCode })}
          />
        </Field>
        {field('leaderName', t('receptionDay.leaderShownAs'), { maxLength: 100 })}
        {field('orgCode', t('receptionDay.orgCode'))}
      </div>
      <div className="row">
        {field('legalAdviserId', t('receptionDay.adviserId'))}
        {field('legalAdviserName', t('receptionDay.adviserName'), { maxLength: 100 })}
        {field('regionCode', t('common.region'))}
      </div>
      {field('place', t('receptionDay.place'), { maxLength: 200 })}
      <SubmitBar label={t('receptionDay.schedule')} busy={action.busy} error={action.error} />
    </Form>
  );
}

/** 领导接访日: the rota (领导 + 法律顾问), booking a petitioner's grievance, the reception ledger; and 阳光信访公开评议. */
export function ReceptionDaysPage() {
  const { t } = useI18n();
  const session = loadSession();
  const role = session?.user.role ?? '';
  const isLeader = role === 'LEADER';
  const [from, setFrom] = useState(() => beijingDate(0));
  const [mine, setMine] = useState(isLeader);
  const to = addDays(from, SPAN_DAYS - 1);
  const rota = useAsync(() => gql<{ receptionRota: ReceptionDay[] }>(ROTA, { from, to, leaderId: mine && session ? session.user.id : null }).then((r) => r.receptionRota), [from, mine]);
  const reload = () => void rota.reload();
  const days = rota.data ?? [];
  return (
    <div>
      <div className="toolbar">
        <h1 style={{ margin: 0, flex: 1 }}>{t('receptionDay.title')}</h1>
        <button type="button" onClick={() => setFrom(addDays(from, -7))}>
          {t('receptionDay.earlier')}
        </button>
        <TextField label={t('receptionDay.from')} type="date" name="rotaFrom" value={from} onValue={(day) => day && setFrom(day)} />
        <button type="button" onClick={() => setFrom(addDays(from, 7))}>
          {t('receptionDay.later')}
        </button>
        {isLeader && <CheckField label={t('receptionDay.onlyMine')} checked={mine} onValue={setMine} />}
      </div>
      {isLeader && session && (
        <p className="hint" data-testid="my-leader-id">
          {t('receptionDay.myId', { id: session.user.id })}
        </p>
      )}
      <ErrorMessage error={rota.error} />
      <div data-testid="rota">
        {rota.data && days.length === 0 && <p className="muted card">{t('receptionDay.empty', { from, to })}</p>}
        {days.map((d) => (
          <ReceptionDayCard key={d.id} day={d} canDesk={DESK.has(role)} canReveal={REVEALERS.has(role)} onChanged={reload} />
        ))}
      </div>
      {KEEPERS.has(role) && (
        <section className="card">
          <ScheduleForm onScheduled={reload} />
        </section>
      )}
      {role !== 'RECEPTION_CLERK' && <PublicEvaluationSection canRun={role === 'SUPERVISOR'} />}
    </div>
  );
}
