import { useState } from 'react';
import { gql } from '../../api/client';
import { loadSession } from '../../api/session';
import { StaffPicker } from '../../components/staff-picker';
import { ErrorMessage } from '../../components/error-message';
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
          <label>
            {t('backlog.leader')}
            <StaffPicker role="LEADER" name="leaderUserId" value={f.leaderUserId} required onPick={(m) => setF({ ...f, leaderUserId: m?.id ?? '', leaderName: m ? m.displayName.replace(/\s*\(.*\)$/, '') : f.leaderName })} />
          </label>
          <label>
            {t('backlog.leaderName')}
            <input name="leaderName" value={f.leaderName} onChange={(e) => setF({ ...f, leaderName: e.target.value })} />
          </label>
        </div>
      )}
      <label>
        {t('backlog.plan')}
        <textarea name="plan" value={f.plan} onChange={(e) => setF({ ...f, plan: e.target.value })} required maxLength={2000} />
      </label>
      <ErrorMessage error={action.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={action.busy}>
          {isLeader ? t('backlog.ownMyself') : t('backlog.assign')}
        </button>
      </div>
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
  const rows = list.data?.edges.map((e) => e.node) ?? [];
  return (
    <section className="card" data-testid="backlog-section">
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ owned, minAgeDays });
        }}
      >
        <h2 style={{ flex: 1, margin: 0 }}>{t('backlog.title')}</h2>
        <label>
          {t('backlog.owner')}
          <select name="owned" value={owned} onChange={(e) => setOwned(e.target.value)}>
            <option value="">{t('notice.allStates')}</option>
            <option value="yes">{t('backlog.owned')}</option>
            <option value="no">{t('backlog.unowned')}</option>
          </select>
        </label>
        <label>
          {t('backlog.minAgeDays')}
          <input name="minAgeDays" type="number" min={1} value={minAgeDays} onChange={(e) => setMinAgeDays(e.target.value)} placeholder={String(list.data?.minAgeDays ?? 60)} />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      {list.data && <p className="hint">{t('backlog.thresholds', { days: list.data.minAgeDays, repeats: list.data.minRepeats })}</p>}
      <ErrorMessage error={list.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('common.trackingCode')}</th>
              <th>{t('backlog.reasons')}</th>
              <th>{t('backlog.age')}</th>
              <th>{t('backlog.repeats')}</th>
              <th>{t('board.unit')}</th>
              <th>{t('notice.openNotices')}</th>
              <th>{t('backlog.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c, i) => (
              <tr key={c.trackingCode ?? i} data-tracking-code={c.trackingCode ?? ''}>
                <td>
                  {c.trackingCode ?? '—'}
                  <div className="muted">
                    {c.categoryCode} · {c.regionCode}
                  </div>
                </td>
                <td>
                  {c.reasons.map((r) => (
                    <span key={r} className={`badge${r === 'HANDLING_OVERDUE' ? ' danger' : ' warn'}`}>
                      {tEnum('backlogReason', r)}
                    </span>
                  ))}
                </td>
                <td>{t('backlog.days', { n: c.ageDays })}</td>
                <td>{c.repeats}</td>
                <td>{c.orgCode}</td>
                <td>{c.openNotices}</td>
                <td>
                  {c.owner ? (
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
                  )}
                </td>
              </tr>
            ))}
            {list.data && rows.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  {t('common.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
