import {
  SupervisionAcknowledgeEarlyWarning,
  SupervisionBulletinLedger,
  SupervisionGenerateBulletin,
  SupervisionListEarlyWarnings,
  type EarlyWarningView,
} from '@yikouban/contracts';
import type { Role } from '../auth/roles';
import { codeOf, resolverHarness } from '../auth/testing/resolver-harness';
import { BulletinModule } from './bulletin.module';

const alert: EarlyWarningView = {
  alertId: '6b1d2f4e-8a0c-4c1e-9f3a-2d5e7b9c1a01',
  regionCode: '440784105',
  categoryCode: 'school_closure',
  window: '1d',
  windowStart: '2026-02-24',
  windowEnd: '2026-02-24',
  count: 5,
  baselineMean: 0.14,
  baselineStddev: 0.35,
  threshold: 1.19,
  raisedAt: '2026-02-24T02:30:00.000Z',
  state: 'open',
  acknowledgedBy: null,
  acknowledgedAt: null,
  note: null,
};

describe('early warnings and bulletins in GraphQL (roles, scoping; fake RPC)', () => {
  const gql = resolverHarness([BulletinModule], { principal: { orgCode: 'org_x', regionCode: '440784' } });
  const { rpc, as } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
  });

  const WARNINGS = `{ earlyWarnings(filter: { state: OPEN }) { nextCursor items { id regionCode categoryCode window count threshold state } } }`;

  it('shows early warnings to the command centre, within its region', async () => {
    rpc.on(SupervisionListEarlyWarnings, () => ({ items: [alert], nextCursor: null }));
    const res = await as<{ earlyWarnings: { items: unknown[] } }>('command_operator', WARNINGS);
    expect(res.errors).toBeUndefined();
    expect(res.data?.earlyWarnings.items).toEqual([{ id: alert.alertId, regionCode: '440784105', categoryCode: 'school_closure', window: 'ONE_DAY', count: 5, threshold: 1.19, state: 'OPEN' }]);
    expect(rpc.calls[0].payload).toEqual({ regionCode: '440784', state: 'open' });
    expect(codeOf(await as('supervisor', `{ earlyWarnings(filter: { regionCode: "330621" }) { nextCursor } }`))).toBe('FORBIDDEN');
  });

  it('keeps units, courts and clerks out of alerts, bulletins and ledgers', async () => {
    for (const role of ['unit_staff', 'court', 'reception_clerk'] as Role[]) {
      expect(codeOf(await as(role, WARNINGS))).toBe('FORBIDDEN');
      expect(codeOf(await as(role, `{ bulletins { nextCursor } }`))).toBe('FORBIDDEN');
      expect(codeOf(await as(role, `{ bulletinLedger(id: "${alert.alertId}", format: XLSX) { base64 } }`))).toBe('FORBIDDEN');
    }
    expect(codeOf(await as('administrator', `mutation { acknowledgeEarlyWarning(id: "${alert.alertId}") { state } }`))).toBe('FORBIDDEN');
    expect(rpc.calls).toEqual([]);
  });

  it('acknowledges as the signed-in user', async () => {
    rpc.on(SupervisionAcknowledgeEarlyWarning, (p) => ({ ...alert, state: 'acknowledged' as const, acknowledgedBy: p.userId, note: p.note ?? null }));
    const res = await as<{ acknowledgeEarlyWarning: Record<string, unknown> }>('command_operator', `mutation { acknowledgeEarlyWarning(id: "${alert.alertId}", note: "已约见家长代表") { state acknowledgedBy note } }`);
    expect(res.data?.acknowledgeEarlyWarning).toEqual({ state: 'ACKNOWLEDGED', acknowledgedBy: 'u-command_operator', note: '已约见家长代表' });
    expect(rpc.calls[0].payload).toEqual({ alertId: alert.alertId, userId: 'u-command_operator', note: '已约见家长代表' });
  });

  it('generates a bulletin and hands out its ledger; bad input is refused before asking', async () => {
    rpc.on(SupervisionBulletinLedger, () => ({ filename: 'bulletin-daily-2026-02-24.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: 3, base64: 'AAAA' }));
    const ledger = await as<{ bulletinLedger: Record<string, unknown> }>('leader', `{ bulletinLedger(id: "${alert.alertId}", format: XLSX) { filename bytes base64 } }`);
    expect(ledger.data?.bulletinLedger).toEqual({ filename: 'bulletin-daily-2026-02-24.xlsx', bytes: 3, base64: 'AAAA' });
    expect(rpc.calls[0].payload).toEqual({ bulletinId: alert.alertId, format: 'xlsx' });

    rpc.calls.length = 0;
    const bad = await as('supervisor', `mutation { generateBulletin(kind: WEEKLY, periodStart: "2026-02-30x") { id } }`);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('periodStart');
    expect(rpc.calls.map((c) => c.subject)).not.toContain(SupervisionGenerateBulletin.subject);
  });
});
