import { useState } from 'react';
import { gql } from '../api/client';
import { ErrorMessage } from '../components/error-message';
import { useAsync } from '../components/use-async';
import { useI18n, type MessageKey } from '../i18n';
import { loadSession } from '../api/session';
import { navigate, useLocation } from '../router';
import { ApiClientsSection } from './admin/api-clients-section';
import { CalendarSection } from './admin/calendar-section';
import { DeadlinePoliciesSection } from './admin/deadline-policies-section';
import { OrganisationsSection } from './admin/organisations-section';
import { RegionsSection } from './admin/regions-section';
import { UsersSection } from './admin/users-section';

const CATEGORY_FIELDS = 'code name nameEn matterClass statutoryPaths leadDepartmentType coDepartmentTypes defaultComplexity defaultColour handledAtTownLevel keywords laws';
const LIST = `query { classificationList { version current publishedAt note publishedBy { userId } categories { ${CATEGORY_FIELDS} } } }`;
const RULES = `query { routingRules { version publishedAt rules { id categoryCode regionCode leadUnitCode coUnitCodes priority minHeadcount collectiveOnly minAmountYuan } } }`;
const PUBLISH = `mutation ($input: PublishClassificationListInput!) { publishClassificationList(input: $input) { version } }`;

interface Category {
  code: string;
  name: string;
  nameEn: string;
  matterClass: string;
  statutoryPaths: string[];
  leadDepartmentType: string;
  coDepartmentTypes: string[];
  defaultComplexity: string;
  defaultColour: string;
  handledAtTownLevel: boolean;
  keywords: string[];
  laws: string[];
}
interface ClassificationList {
  version: number;
  current: boolean;
  publishedAt: string | null;
  note: string | null;
  publishedBy: { userId: string } | null;
  categories: Category[];
}
interface Rule {
  id: string;
  categoryCode: string;
  regionCode: string;
  leadUnitCode: string;
  coUnitCodes: string[];
  priority: number;
  minHeadcount: number | null;
  collectiveOnly: boolean;
  minAmountYuan: number | null;
}

const COLOURS = ['RED', 'ORANGE', 'YELLOW', 'BLUE', 'GREEN'];
const COMPLEXITIES = ['URGENT', 'SIMPLE', 'COMPLEX', 'DIFFICULT'];
const lines = (text: string) => text.split('\n').map((x) => x.trim()).filter(Boolean);

/** One category changed, published as a new version of the list (the server validates the whole list). */
function CategoryEditor({ category, basedOn, onDone }: { category: Category; basedOn: number; onDone: () => void }) {
  const { t, tEnum } = useI18n();
  const [c, setC] = useState({ ...category, keywordsText: category.keywords.join('\n'), lawsText: category.laws.join('\n') });
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const set = (k: 'name' | 'nameEn' | 'defaultColour' | 'defaultComplexity' | 'keywordsText' | 'lawsText') => (e: { target: { value: string } }) => setC({ ...c, [k]: e.target.value });
  return (
    <form
      className="form card"
      data-testid="category-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        const { keywordsText, lawsText, ...rest } = c;
        try {
          await gql(PUBLISH, { input: { basedOnVersion: basedOn, note: note.trim(), upsert: [{ ...rest, keywords: lines(keywordsText), laws: lines(lawsText) }], remove: [] } });
          onDone();
        } catch (err) {
          setError(err);
        }
      }}
    >
      <h3>
        {t('admin.edit')} <code>{c.code}</code>
      </h3>
      <div className="row">
        <label>
          {t('admin.name')}
          <input name="name" value={c.name} onChange={set('name')} required />
        </label>
        <label>
          {t('admin.nameEn')}
          <input name="nameEn" value={c.nameEn} onChange={set('nameEn')} required />
        </label>
        <label>
          {t('admin.colour')}
          <select name="defaultColour" value={c.defaultColour} onChange={set('defaultColour')}>
            {COLOURS.map((x) => (
              <option key={x} value={x}>
                {tEnum('colour', x)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.complexity')}
          <select name="defaultComplexity" value={c.defaultComplexity} onChange={set('defaultComplexity')}>
            {COMPLEXITIES.map((x) => (
              <option key={x} value={x}>
                {tEnum('complexity', x)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('admin.keywords')}
        <textarea name="keywords" value={c.keywordsText} onChange={set('keywordsText')} />
      </label>
      <label>
        {t('admin.laws')}
        <textarea name="laws" value={c.lawsText} onChange={set('lawsText')} />
      </label>
      <label>
        {t('admin.note')}
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} required maxLength={500} />
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('admin.publish')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The classification list in force (edit one category → a new version) and the routing rules, read-only. */
function ClassificationTab() {
  const { t, tEnum, formatDateTime } = useI18n();
  const list = useAsync(() => gql<{ classificationList: ClassificationList }>(LIST).then((r) => r.classificationList), []);
  const rules = useAsync(() => gql<{ routingRules: { version: number; rules: Rule[] } }>(RULES).then((r) => r.routingRules), []);
  const [editing, setEditing] = useState<string>();
  const l = list.data;
  const current = l?.categories.find((c) => c.code === editing);
  return (
    <div>
      <section className="card">
        <h2>{t('admin.classification')}</h2>
        <ErrorMessage error={list.error} />
        {l && (
          <p data-testid="list-version">
            {t('admin.version', { v: l.version })} · {l.publishedAt ? formatDateTime(l.publishedAt) : t('admin.seeded')}
            {l.publishedBy && ` · ${l.publishedBy.userId}`}
            {l.note && <span className="muted"> · {l.note}</span>}
          </p>
        )}
        {current && l && (
          <CategoryEditor
            key={`${current.code}-${l.version}`}
            category={current}
            basedOn={l.version}
            onDone={() => {
              setEditing(undefined);
              void list.reload();
            }}
          />
        )}
        <div className="table-wrap">
          <table data-testid="categories">
            <thead>
              <tr>
                <th>{t('admin.code')}</th>
                <th>{t('admin.name')}</th>
                <th>{t('admin.matterClass')}</th>
                <th>{t('admin.paths')}</th>
                <th>{t('admin.lead')}</th>
                <th>{t('admin.colour')}</th>
                <th>{t('admin.complexity')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {l?.categories.map((c) => (
                <tr key={c.code} data-code={c.code}>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>
                    {c.name}
                    <div className="muted">{c.nameEn}</div>
                  </td>
                  <td>{tEnum('matterClass', c.matterClass)}</td>
                  <td>{c.statutoryPaths.map((p) => tEnum('path', p)).join('、')}</td>
                  <td>{c.leadDepartmentType}</td>
                  <td>
                    <span className={`dot ${c.defaultColour.toLowerCase()}`} />
                    {tEnum('colour', c.defaultColour)}
                  </td>
                  <td>{tEnum('complexity', c.defaultComplexity)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setEditing(c.code)}>
                      {t('admin.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card">
        <h2>
          {t('admin.rules')} {rules.data && <span className="muted">{t('admin.version', { v: rules.data.version })}</span>}
        </h2>
        <ErrorMessage error={rules.error} />
        <div className="table-wrap">
          <table data-testid="routing-rules">
            <thead>
              <tr>
                <th>{t('admin.rule')}</th>
                <th>{t('common.category')}</th>
                <th>{t('common.region')}</th>
                <th>{t('admin.lead')}</th>
                <th>{t('admin.co')}</th>
                <th>{t('admin.conditions')}</th>
                <th>{t('admin.priority')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.data?.rules.map((r) => (
                <tr key={r.id}>
                  <td>
                    <code>{r.id}</code>
                  </td>
                  <td>{r.categoryCode}</td>
                  <td>{r.regionCode}</td>
                  <td>{r.leadUnitCode}</td>
                  <td>{r.coUnitCodes.join('、') || '—'}</td>
                  <td>
                    {[r.collectiveOnly && t('admin.collectiveOnly'), r.minHeadcount !== null && `≥${r.minHeadcount}${t('admin.people')}`, r.minAmountYuan !== null && `≥¥${r.minAmountYuan}`].filter(Boolean).join('，') || '—'}
                  </td>
                  <td>{r.priority}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** 工作日历 and 期限规则 of one jurisdiction (the administrator's own region unless another is typed). */
function CalendarTab() {
  const { t } = useI18n();
  const own = loadSession()?.user.regionCode ?? '';
  const [typed, setTyped] = useState(own);
  const [jurisdiction, setJurisdiction] = useState(own);
  return (
    <div>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) setJurisdiction(typed.trim());
        }}
      >
        <label>
          {t('calendar.jurisdiction')}
          <input name="jurisdiction" value={typed} onChange={(e) => setTyped(e.target.value)} required />
        </label>
        <button type="submit">{t('common.apply')}</button>
      </form>
      <CalendarSection key={`cal-${jurisdiction}`} jurisdiction={jurisdiction} />
      <DeadlinePoliciesSection key={`pol-${jurisdiction}`} jurisdiction={jurisdiction} />
    </div>
  );
}

const TABS = ['classification', 'users', 'directory', 'calendar'] as const;
type Tab = (typeof TABS)[number];

/** 系统管理: 分类与规则, 用户与接口客户端, 区划与单位, 工作日历与期限规则 — one tab each (?tab= keeps it on reload). */
export function AdminPage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const asked = query.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'classification';
  return (
    <div>
      <h1>{t('admin.title')}</h1>
      <nav className="tabs" data-testid="admin-tabs">
        {TABS.map((x) => (
          <button key={x} type="button" className={x === tab ? 'active' : undefined} data-tab={x} onClick={() => navigate(x === 'classification' ? '/admin' : `/admin?tab=${x}`)}>
            {t(`admin.tab.${x}` as MessageKey)}
          </button>
        ))}
      </nav>
      {tab === 'classification' && <ClassificationTab />}
      {tab === 'users' && (
        <>
          <UsersSection />
          <ApiClientsSection />
        </>
      )}
      {tab === 'directory' && (
        <>
          <RegionsSection />
          <OrganisationsSection />
        </>
      )}
      {tab === 'calendar' && <CalendarTab />}
    </div>
  );
}
