import { useState } from 'react';
import { gql } from '../../api/client';
import { ErrorMessage } from '../../components/error-message';
import { EnumSelect, Field, SubmitBar, TextField } from '../../components/form-fields';
import { useAction } from '../../components/use-action';
import { useAsync } from '../../components/use-async';
import { useI18n } from '../../i18n';
import { REGION_LEVELS } from './admin-lookups';

const NODE_FIELDS = 'code name level parentCode childCount';
const TREE = `query ($root: String) { regionTree(rootCode: $root, depth: 1) { ${NODE_FIELDS} children { ${NODE_FIELDS} } } }`;
const CREATE = `mutation ($input: CreateRegionInput!) { createRegion(input: $input) { ${NODE_FIELDS} } }`;
const RENAME = `mutation ($code: String!, $name: String!) { renameRegion(code: $code, name: $name) { ${NODE_FIELDS} } }`;

interface RegionNode {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  childCount: number;
  children?: RegionNode[];
}

/** The regions directly under `code` (one level, loaded when a node is opened). */
async function childrenOf(code: string): Promise<RegionNode[]> {
  const { regionTree } = await gql<{ regionTree: RegionNode[] }>(TREE, { root: code });
  const root = regionTree.find((n) => n.code === code);
  return root ? (root.children ?? []) : regionTree;
}

/** One node of the tree: open it to see what lies below, rename it, add a region under it. */
function RegionItem({ node, onRenamed }: { node: RegionNode; onRenamed: () => void }) {
  const { t, tEnum } = useI18n();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'view' | 'rename' | 'add'>('view');
  const [name, setName] = useState(node.name);
  const [child, setChild] = useState({ code: node.code, name: '', level: '' });
  const children = useAsync(() => (open ? childrenOf(node.code) : Promise.resolve(undefined)), [open, node.code]);
  const action = useAction();
  const count = children.data?.length ?? node.childCount;
  return (
    <li data-region={node.code}>
      <div className="actions">
        <button type="button" className="link" data-action="expand" disabled={count === 0} aria-expanded={open} onClick={() => setOpen(!open)}>
          {count === 0 ? '·' : open ? '▾' : '▸'}
        </button>
        <strong>{node.name}</strong>
        <code>{node.code}</code>
        <span className="muted">
          {tEnum('regionLevel', node.level)} · {t('regions.children', { n: count })}
        </span>
        <button type="button" className="link" onClick={() => (setName(node.name), setMode(mode === 'rename' ? 'view' : 'rename'))}>
          {t('regions.rename')}
        </button>
        <button type="button" className="link" data-action="add-child" onClick={() => (setChild({ code: node.code, name: '', level: '' }), setMode(mode === 'add' ? 'view' : 'add'))}>
          {t('regions.addChild')}
        </button>
      </div>
      {mode === 'rename' && (
        <form
          className="actions"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await action.run(() => gql(RENAME, { code: node.code, name: name.trim() }))) {
              setMode('view');
              onRenamed();
            }
          }}
        >
          <input name="regionName" value={name} onChange={(e) => setName(e.target.value)} required />
          <button type="submit" className="primary" disabled={action.busy}>
            {t('regions.rename')}
          </button>
        </form>
      )}
      {mode === 'add' && (
        <form
          className="form"
          data-testid="add-region-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const input = { parentCode: node.code, code: child.code.trim(), name: child.name.trim(), ...(child.level ? { level: child.level } : {}) };
            if (await action.run(() => gql(CREATE, { input }))) {
              setMode('view');
              setOpen(true);
              void children.reload();
            }
          }}
        >
          <div className="row">
            <TextField label={t('regions.code')} name="childCode" value={child.code} onValue={(code) => setChild({ ...child, code })} required />
            <TextField label={t('admin.name')} name="childName" value={child.name} onValue={(name) => setChild({ ...child, name })} required />
            <Field label={t('regions.level')}>
              <EnumSelect name="childLevel" prefix="regionLevel" values={REGION_LEVELS} emptyLabel={t('regions.levelBelow')} value={child.level} onValue={(level) => setChild({ ...child, level })} />
            </Field>
          </div>
          <p className="hint">{t('regions.codeHint', { parent: node.code })}</p>
          <SubmitBar label={t('regions.addChild')} busy={action.busy} onCancel={() => setMode('view')} />
        </form>
      )}
      <ErrorMessage error={action.error ?? children.error} />
      {open && children.data && (
        <ul className="region-tree" style={{ listStyle: 'none', paddingLeft: '1.5rem' }}>
          {children.data.map((c) => (
            <RegionItem key={c.code} node={c} onRenamed={() => void children.reload()} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** 行政区划: the directory's region tree, opened a level at a time. */
export function RegionsSection() {
  const { t } = useI18n();
  const roots = useAsync(() => gql<{ regionTree: RegionNode[] }>(TREE, { root: null }).then((r) => r.regionTree), []);
  return (
    <section className="card" data-testid="regions-section">
      <h2>{t('regions.title')}</h2>
      <ErrorMessage error={roots.error} />
      <ul className="region-tree" style={{ listStyle: 'none', paddingLeft: 0 }}>
        {roots.data?.map((n) => (
          <RegionItem key={n.code} node={n} onRenamed={() => void roots.reload()} />
        ))}
      </ul>
    </section>
  );
}
