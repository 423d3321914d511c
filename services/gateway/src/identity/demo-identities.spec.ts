import type { DataSource } from 'typeorm';
import { JsonLogger } from '@yikouban/observability';
import { STAFF_ROLES } from '../auth/role-groups';
import { DEMO_API_CLIENT, DEMO_USERS, isDemoSecret } from './demo-identities';
import { seedDemoIdentities } from './seed-demo-identities';

describe('demo identities', () => {
  it('has exactly one user per staff role, with unique lower-case names', () => {
    expect(DEMO_USERS.map((u) => u.role).sort()).toEqual([...STAFF_ROLES].sort());
    const names = DEMO_USERS.map((u) => u.username);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9][a-z0-9_.-]{1,63}$/);
  });

  it('places everyone in the demo county (330621) or one of its towns', () => {
    for (const u of DEMO_USERS) {
      expect(u.regionCode).toMatch(/^330621(\d{3})?$/);
      expect(u.orgCode).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('recognises every published password and the client secret as demo secrets, and nothing else', () => {
    for (const u of DEMO_USERS) expect(isDemoSecret(u.password)).toBe(true);
    expect(isDemoSecret(DEMO_API_CLIENT.secret)).toBe(true);
    expect(isDemoSecret('a-real-password-chosen-by-someone')).toBe(false);
    expect(isDemoSecret('yikouban-demo-')).toBe(false);
  });

  it('gives the 12345 platform the grievance scopes', () => {
    expect(DEMO_API_CLIENT).toMatchObject({ clientId: 'demo-12345-platform', scopes: ['grievance:write', 'grievance:read'] });
  });
});

describe('seedDemoIdentities in production', () => {
  it('touches no table and says why', async () => {
    const lines: string[] = [];
    const db = {
      query: () => {
        throw new Error('the seed must not write in production');
      },
    } as unknown as DataSource;
    await expect(seedDemoIdentities(db, true, new JsonLogger('gateway', 'info', (l) => lines.push(l)))).resolves.toBeNull();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', msg: expect.stringContaining('NODE_ENV=production') });
  });
});
