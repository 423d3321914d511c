import { startDataServiceInProcess, TEST_NATS_URL, waitFor, type RunningService } from '@yikouban/testing';
import { routingService } from '../service';
import { actor, COMMAND_CENTRE, WorkbenchHarness } from '../workbench/testing/workbench-harness';
import { DirectoryAdministration } from './directory-administration';
import { DirectoryCache } from './directory-cache';

const ADMIN = actor(COMMAND_CENTRE, 'admin-user');
const CHENGGUAN = '330621101';
const SHIQIAO = '330621103';

describe('a directory change made through one replica refreshes the others (real PostgreSQL and NATS)', () => {
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
});
