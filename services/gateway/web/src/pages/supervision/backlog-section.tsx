import { useState } from 'react';
import { gql } from '../../api/client';
import { loadSession } from '../../api/session';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { Field, SubmitBar, TextAreaField, TextField } from '../../components/form-fields';
import { Badge } from '../../components/labels';
import { StaffPicker } from '../../components/staff-picker';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';

const BACKLOG = `query ($filter: BacklogFilter, $first: Int) {
  backlog(filter: $filter, first: $first) {
    minAgeDays minRepeats
    edges { node { trackingCode ageDays categoryCode handlingOverdue openNotices orgCode regionCode repeats status receivedAt reasons owner { leaderUserId leaderName plan since } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ASSIGN = `mutation ($input: AssignCaseOwnerInput!) { assignCaseOwner(input: $input) { trackingCode leaderUserId leaderName plan since } }`;

interface BacklogCase {
  trackingCode: string | null;
  ageDays: number;
  categoryCode: string;
  handlingOverdue: boolean;
  openNotices: number;
  orgCode: string;
  regionCode: string;
  repeats: number;
  status: string;
  receivedAt: string | null;
  reasons: string[];
  owner: { leaderUserId: string; leaderName: string | null; plan: string; since: string } | null;
}

/** 包案: a leader takes the case as themself; a supervisor picks the leader from the staff directory. */
function OwnerForm({ trackingCode, onDone }: { trackingCode: string; onDone: () => void }) {
  const { t } = useI18n();
  const isLeader = loadSession()?.user.role === 'LEADER';
  const [f, setF] = useState({ leaderUserId: '', leaderName: '', plan: '' });
  const action = useAction();
  return (
    <form
      className="form"
      data-testid="owner-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = { trackingCode, plan: f.plan.trim(), ...(!isLeader ? { leaderUserId: f.leaderUserId.trim() } : {}), ...(f.leaderName.trim() ? { leaderName: f.leaderName.trim() } : {}) };
        if (await action.run(() => gql(ASSIGN, { input }))) onDone();
      }}
    >
      {!isLeader && (
        <div className="row">
          <Field label={t('backlog.leader')}>
            <StaffPicker role="LEADER" name="leaderUserId" value={f.leaderUserId} required onPick={(m) => setF({ ...f, leaderUserId: m?.id ?? '', leaderName: m ? m.displayName.replace(/\s*\(.*\)$/, '') : f.leaderName })} />
          </Field>
          <TextField label={t('backlog.leaderName')} name="leaderName" value={f.leaderName} onValue={(leaderName) => setF({ ...f, leaderName })} />
        </div>
      )}
      <TextAreaField label={t('backlog.plan')} name="plan" value={f.plan} onValue={(plan) => setF({ ...f, plan })} required maxLength={2000} />
      <SubmitBar label={isLeader ? t('backlog.ownMyself') : t('backlog.assign')} busy={action.busy} error={action.error} />
    </form>
  );
}

/** 积案: open cases older than the threshold or raised again and again, with who owns them (包案). */
export function BacklogSection({ canAssign }: { canAssign: boolean }) {
  const { t, tEnum, formatDateTime } = useI18n();
  const [owned, setOwned] = useState('');
  const [minAgeDays, setMinAgeDays] = useState('');
  const [query, setQuery] = useState({ owned: '', minAgeDays: '' });
  const [open, setOpen] = useState<string>();
  const filter = { ...(query.owned ? { owned: query.owned === 'yes' } : {}), ...(query.minAgeDays ? { minAgeDays: Number(query.minAgeDays) } : {}) };
  const list = useAsync(() => gql<{ backlog: { minAgeDays: number; minRepeats: number; edges: { node: BacklogCase }[] } }>(BACKLOG, { filter, first: 100 }).then((r) => r.backlog), [query]);
  // Who owns the case (包案), or the way to assign one.
  const owner = (c: BacklogCase) =>
    c.owner ? (
      <>
        <strong>{c.owner.leaderName ?? c.owner.leaderUserId}</strong> <span className="muted">{formatDateTime(c.owner.since)}</span>
        <div className="muted">{c.owner.plan}</div>
      </>
    ) : canAssign && c.trackingCode ? (
      open === c.trackingCode ? (
        <OwnerForm trackingCode={c.trackingCode} onDone={() => (setOpen(undefined), void list.reload())} />
      ) : (
        <button type="button" onClick={() => setOpen(c.trackingCode!)}>
          {t('backlog.assign')}
        </button>
      )
    ) : (
      <span className="muted">{t('backlog.unowned')}</span>
    );
  const columns: Column<BacklogCase>[] = [
    {
      header: t('common.trackingCode'),
      cell: (c) => (
        <>
          {c.trackingCode ?? '—'}
          <div className="muted">
            {c.categoryCode} · {c.regionCode}
          </div>
        </>
      ),
    },
    {
      header: t('backlog.reasons'),
      cell: (c) =>
        c.reasons.map((r) => (
          <Badge key={r} tone={r === 'HANDLING_OVERDUE' ? 'danger' : 'warn'}>
            {tEnum('backlogReason', r)}
          </Badge>
        )),
    },
    { header: t('backlog.age'), cell: (c) => t('backlog.days', { n: c.ageDays }) },
    { header: t('backlog.repeats'), cell: (c) => c.repeats },
    { header: t('board.unit'), cell: (c) => c.orgCode },
    { header: t('notice.openNotices'), cell: (c) => c.openNotices },
    { header: t('backlog.owner'), cell: (c) => owner(c) },
  ];
  return (
    <section className="card" data-testid="backlog-section">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ owned, minAgeDays });
        }}
      >
        <h2>{t('backlog.title')}</h2>
        <Field label={t('backlog.owner')}>
          <select name="owned" value={owned} onChange={(e) => setOwned(e.target.value)}>
            <option value="">{t('notice.allStates')}</option>
            <option value="yes">{t('backlog.owned')}</option>
            <option value="no">{t('backlog.unowned')}</option>
          </select>
        </Field>
        <TextField label={t('backlog.minAgeDays')} name="minAgeDays" type="number" min={1} value={minAgeDays} onValue={setMinAgeDays} placeholder={String(list.data?.minAgeDays ?? 60)} />
        <button type="submit">{t('common.apply')}</button>
      </form>
      {list.data && <p className="hint">{t('backlog.thresholds', { days: list.data.minAgeDays, repeats: list.data.minRepeats })}</p>}
      <ErrorMessage error={list.error} />
      <DataTable columns={columns} rows={list.data?.edges.map((e) => e.node)} rowKey={(c, i) => c.trackingCode ?? String(i)} rowData={(c) => ({ 'data-tracking-code': c.trackingCode ?? '' })} />
    </section>
  );
}
