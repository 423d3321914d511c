import { useState } from 'react';
import { gql } from '../api/client';
import { loadSession } from '../api/session';
import { DataTable, type Column } from '../components/data-table';
import { ErrorMessage } from '../components/error-message';
import { EnumSelect, Field, SubmitBar, TextAreaField, TextField } from '../components/form-fields';
import { COMPLEXITIES, Dot, TRIAGE_COLOURS } from '../components/labels';
import { TabNav, useTab } from '../components/tabs';
import { useAsync } from '../components/use-async';
import { useI18n, type MessageKey } from '../i18n';
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

const lines = (text: string) => text.split('\n').map((x) => x.trim()).filter(Boolean);

/** One category changed, published as a new version of the list (the server validates the whole list). */
function CategoryEditor({ category, basedOn, onDone }: { category: Category; basedOn: number; onDone: () => void }) {
  const { t } = useI18n();
  const [c, setC] = useState({ ...category, keywordsText: category.keywords.join('\n'), lawsText: category.laws.join('\n') });
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const set = (k: 'name' | 'nameEn' | 'defaultColour' | 'defaultComplexity' | 'keywordsText' | 'lawsText') => (value: string) => setC({ ...c, [k]: value });
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
        <TextField label={t('admin.name')} name="name" value={c.name} onValue={set('name')} required />
        <TextField label={t('admin.nameEn')} name="nameEn" value={c.nameEn} onValue={set('nameEn')} required />
        <Field label={t('admin.colour')}>
          <EnumSelect name="defaultColour" prefix="colour" values={TRIAGE_COLOURS} value={c.defaultColour} onValue={set('defaultColour')} />
        </Field>
        <Field label={t('admin.complexity')}>
          <EnumSelect name="defaultComplexity" prefix="complexity" values={COMPLEXITIES} value={c.defaultComplexity} onValue={set('defaultComplexity')} />
        </Field>
      </div>
      <TextAreaField label={t('admin.keywords')} name="keywords" value={c.keywordsText} onValue={set('keywordsText')} />
      <TextAreaField label={t('admin.laws')} name="laws" value={c.lawsText} onValue={set('lawsText')} />
      <TextField label={t('admin.note')} name="note" value={note} onValue={setNote} required maxLength={500} />
      <SubmitBar label={t('admin.publish')} error={error} onCancel={onDone} />
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
  const categoryColumns: Column<Category>[] = [
    { header: t('admin.code'), cell: (c) => <code>{c.code}</code> },
    {
      header: t('admin.name'),
      cell: (c) => (
        <>
          {c.name}
          <div className="muted">{c.nameEn}</div>
        </>
      ),
    },
    { header: t('admin.matterClass'), cell: (c) => tEnum('matterClass', c.matterClass) },
    { header: t('admin.paths'), cell: (c) => c.statutoryPaths.map((p) => tEnum('path', p)).join('、') },
    { header: t('admin.lead'), cell: (c) => c.leadDepartmentType },
    {
      header: t('admin.colour'),
      cell: (c) => (
        <>
          <Dot colour={c.defaultColour} />
          {tEnum('colour', c.defaultColour)}
        </>
      ),
    },
    { header: t('admin.complexity'), cell: (c) => tEnum('complexity', c.defaultComplexity) },
    {
      header: '',
      cell: (c) => (
        <button type="button" className="link" onClick={() => setEditing(c.code)}>
          {t('admin.edit')}
        </button>
      ),
    },
  ];
  const ruleColumns: Column<Rule>[] = [
    { header: t('admin.rule'), cell: (r) => <code>{r.id}</code> },
    { header: t('common.category'), cell: (r) => r.categoryCode },
    { header: t('common.region'), cell: (r) => r.regionCode },
    { header: t('admin.lead'), cell: (r) => r.leadUnitCode },
    { header: t('admin.co'), cell: (r) => r.coUnitCodes.join('、') || '—' },
    { header: t('admin.conditions'), cell: (r) => [r.collectiveOnly && t('admin.collectiveOnly'), r.minHeadcount !== null && `≥${r.minHeadcount}${t('admin.people')}`, r.minAmountYuan !== null && `≥¥${r.minAmountYuan}`].filter(Boolean).join('，') || '—' },
    { header: t('admin.priority'), cell: (r) => r.priority },
  ];
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
        <DataTable testId="categories" columns={categoryColumns} rows={l?.categories} rowKey={(c) => c.code} rowData={(c) => ({ 'data-code': c.code })} />
      </section>
      <section className="card">
        <h2>
          {t('admin.rules')} {rules.data && <span className="muted">{t('admin.version', { v: rules.data.version })}</span>}
        </h2>
        <ErrorMessage error={rules.error} />
        <DataTable testId="routing-rules" columns={ruleColumns} rows={rules.data?.rules} rowKey={(r) => r.id} />
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
        <TextField label={t('calendar.jurisdiction')} name="jurisdiction" value={typed} onValue={setTyped} required />
        <button type="submit">{t('common.apply')}</button>
      </form>
      <CalendarSection key={`cal-${jurisdiction}`} jurisdiction={jurisdiction} />
      <DeadlinePoliciesSection key={`pol-${jurisdiction}`} jurisdiction={jurisdiction} />
    </div>
  );
}

const TABS = ['classification', 'users', 'directory', 'calendar'] as const;

/** 系统管理: 分类与规则, 用户与接口客户端, 区划与单位, 工作日历与期限规则 — one tab each (?tab= keeps it on reload). */
export function AdminPage() {
  const { t } = useI18n();
  const tab = useTab(TABS);
  return (
    <div>
      <h1>{t('admin.title')}</h1>
      <TabNav tabs={TABS} current={tab} path="/admin" testId="admin-tabs" label={(x) => t(`admin.tab.${x}` as MessageKey)} />
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
