import { useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { StaffPicker } from '../components/staff-picker';
import { ErrorMessage } from '../components/error-message';
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

const EMPTY = { day: '', slot: 'MORNING', leaderId: '', leaderName: '', legalAdviserId: '', legalAdviserName: '', orgCode: '', regionCode: '', place: '县信访局接待大厅', capacity: '5' };

/** 排班: a leader's half-day with a legal adviser (1+1), where, and how many appointments it takes. */
function ScheduleForm({ onScheduled }: { onScheduled: () => void }) {
  const { t, tEnum } = useI18n();
  const [f, setF] = useState(() => ({ ...EMPTY, day: addDays(beijingDate(0), 1) }));
  const action = useAction();
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { regionCode, capacity, ...rest } = f;
    const input = { ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.trim()])), capacity: Number(capacity), ...(regionCode.trim() ? { regionCode: regionCode.trim() } : {}) };
    if (await action.run(() => gql(SCHEDULE, { input }))) {
      setF({ ...EMPTY, day: f.day, place: f.place, capacity: f.capacity });
      onScheduled();
    }
  };
  const field = (k: keyof typeof EMPTY, label: string, props: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input name={k} value={f[k]} onChange={set(k)} required {...props} />
    </label>
  );
  return (
    <form className="form" onSubmit={submit} data-testid="schedule-form">
      <h3>{t('receptionDay.schedule')}</h3>
      <div className="row">
        {field('day', t('receptionDay.day'), { type: 'date' })}
        <label>
          {t('receptionDay.slot')}
          <select name="slot" value={f.slot} onChange={set('slot')}>
            {['MORNING', 'AFTERNOON'].map((s) => (
              <option key={s} value={s}>
                {tEnum('slot', s)}
              </option>
            ))}
          </select>
        </label>
        {field('capacity', t('receptionDay.capacity'), { type: 'number', min: 1, max: 50 })}
      </div>
      <div className="row">
        <label>
          {t('receptionDay.leaderName')}
          <StaffPicker
            role="LEADER"
            name="leaderId"
            value={f.leaderId}
            required
            onPick={(m) => setF({ ...f, leaderId: m?.id ?? '', leaderName: m ? m.displayName.replace(/\s*\(.*\)$/, '') : f.leaderName, orgCode: m?.orgCode ?? f.orgCode })}
          />
        </label>
        {field('leaderName', t('receptionDay.leaderShownAs'), { maxLength: 100 })}
        {field('orgCode', t('receptionDay.orgCode'))}
      </div>
      <div className="row">
        {field('legalAdviserId', t('receptionDay.adviserId'))}
        {field('legalAdviserName', t('receptionDay.adviserName'), { maxLength: 100 })}
        <label>
          {t('common.region')}
          <input name="regionCode" value={f.regionCode} onChange={set('regionCode')} />
        </label>
      </div>
      {field('place', t('receptionDay.place'), { maxLength: 200 })}
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('receptionDay.schedule')}
        </button>
      </div>
    </form>
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
        <label>
          {t('receptionDay.from')}
          <input type="date" name="rotaFrom" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        </label>
        <button type="button" onClick={() => setFrom(addDays(from, 7))}>
          {t('receptionDay.later')}
        </button>
        {isLeader && (
          <label className="check">
            <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
            {t('receptionDay.onlyMine')}
          </label>
        )}
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
          <ReceptionDayCard key={d.id} day={d} canDesk={DESK.has(role)} onChanged={reload} />
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
