import { ClassificationPublished, RuleSetPublished, type CategoryDefinition, type ClassificationPublishedV1, type EventEnvelope, type RuleSetPublishedV1 } from '@yikouban/contracts';
import { startDataServiceInProcess, TEST_NATS_URL, waitFor, type RunningService } from '@yikouban/testing';
import { ClassificationAdministration } from '../administration/classification-administration';
import { RuleSetAdministration } from '../administration/rule-set-administration';
import { DEFAULT_CLASSIFICATION_LIST } from '../classification/default-classification-list';
import { GIG } from '../classification/testing/categories';
import { routingService } from '../service';
import { actor, COMMAND_CENTRE, WorkbenchHarness } from '../workbench/testing/workbench-harness';
import { DirectoryAdministration } from './directory-administration';
import { DirectoryCache } from './directory-cache';

const ADMIN = actor(COMMAND_CENTRE, 'admin-user');
const CHENGGUAN = '330621101';
const SHIQIAO = '330621103';

describe('a directory change, a classification list or a rule set published through one replica refreshes the others (real PostgreSQL and NATS)', () => {
  let h: WorkbenchHarness;
  let other: RunningService;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
    other = await startDataServiceInProcess(routingService, { DATABASE_URL: h.db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: h.ns.prefix });
  });

  afterAll(async () => {
    await other?.close();
    await h?.stop();
  });

  it('drops the snapshot on routing.directory.changed, not when it ages out', async () => {
    const cache = h.svc.app.get(DirectoryCache);
    // Asked always at the same instant, the snapshot never ages: only the fact can refresh it.
    const now = Date.now();
    cache.invalidate();
    expect((await cache.current(now)).tree.get(CHENGGUAN).name).toBe('城关镇');

    // A change that records no fact stays unseen: this replica really does answer from its snapshot.
    await h.pg.query("UPDATE routing.region SET name = '石桥街道' WHERE code = $1", [SHIQIAO]);
    expect((await cache.current(now)).tree.get(SHIQIAO).name).toBe('石桥镇');

    // The other replica renames; its outbox publishes the fact; this replica reloads.
    await other.app.get(DirectoryAdministration).renameRegion({ code: CHENGGUAN, name: '城关街道', by: ADMIN });
    const fresh = await waitFor('this replica sees the rename', async () => {
      const snap = await cache.current(now);
      return snap.tree.get(CHENGGUAN).name === '城关街道' ? snap : undefined;
    });
    expect(fresh.tree.get(SHIQIAO).name).toBe('石桥街道');
  });

  it('drops the cached classification list on routing.classification.published, which the publishing transaction records once', async () => {
    const cache = h.svc.app.get(DirectoryCache);
    const now = Date.now();
    cache.invalidate();
    const before = await cache.current(now);
    expect(before.categories.get('wage_arrears')?.defaultColour).toBe('red');
    expect(before.categories.has(GIG.code)).toBe(false);

    const wageArrears = DEFAULT_CLASSIFICATION_LIST.find((c) => c.code === 'wage_arrears') as CategoryDefinition;
    const published = await other.app.get(ClassificationAdministration).publish({
      basedOnVersion: before.listVersion, note: '新增平台用工；欠薪默认橙色', upsert: [{ ...wageArrears, defaultColour: 'orange' }, GIG], remove: [], by: ADMIN,
    });
    const fresh = await waitFor('this replica uses the new list', async () => {
      const snap = await cache.current(now);
      return snap.listVersion === published.version ? snap : undefined;
    });
    expect(fresh.categories.get('wage_arrears')?.defaultColour).toBe('orange');
    expect(fresh.categories.get(GIG.code)?.name).toBe(GIG.name);

    const facts = (await h.probe.read(h.ns.stream('routing'), h.ns.subject(ClassificationPublished.subject))).map((m) => m.json<EventEnvelope<ClassificationPublishedV1>>());
    expect(facts.map((f) => f.data)).toEqual([
      { version: published.version, basedOn: before.listVersion, size: DEFAULT_CLASSIFICATION_LIST.length + 1, by: ADMIN, at: published.publishedAt },
    ]);
  });

  it('drops the cached rules on routing.rules.published, which the publishing transaction records once', async () => {
    const cache = h.svc.app.get(DirectoryCache);
    const now = Date.now();
    cache.invalidate();
    const before = await cache.current(now);
    const inForce = await other.app.get(RuleSetAdministration).get({});
    const rule = inForce.rules.find((r) => r.id === 'wage_arrears@330621');
    if (!rule) throw new Error('the demo rules have no wage_arrears@330621');
    expect(before.rules.find((r) => r.id === rule.id)).toMatchObject({ version: inForce.version, priority: rule.priority });

    const published = await other.app.get(RuleSetAdministration).publish({
      basedOnVersion: inForce.version, note: '欠薪规则优先', upsert: [{ ...rule, priority: rule.priority + 7 }], remove: [], by: ADMIN,
    });
    const fresh = await waitFor('this replica routes by the new rules', async () => {
      const snap = await cache.current(now);
      return snap.rules.some((r) => r.version === published.version) ? snap : undefined;
    });
    expect(fresh.rules.find((r) => r.id === rule.id)).toMatchObject({ version: published.version, priority: rule.priority + 7 });
    expect(fresh.rules).toHaveLength(inForce.rules.length);

    const facts = (await h.probe.read(h.ns.stream('routing'), h.ns.subject(RuleSetPublished.subject))).map((m) => m.json<EventEnvelope<RuleSetPublishedV1>>());
    expect(facts.map((f) => f.data)).toEqual([{ version: published.version, basedOn: inForce.version, size: inForce.rules.length, by: ADMIN, at: published.publishedAt }]);
  });
});
