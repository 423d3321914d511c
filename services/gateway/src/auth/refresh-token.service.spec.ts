import { hashRefreshToken, RefreshTokenError, RefreshTokenService, type RefreshRefusal } from './refresh-token.service';
import { InMemoryRefreshTokenStore } from './testing/in-memory-refresh-token.store';

const USER = '5f0c3a52-1111-4111-8111-000000000001';

function setup() {
  const clock = { ms: Date.parse('2025-03-01T08:00:00Z') };
  const store = new InMemoryRefreshTokenStore();
  const service = new RefreshTokenService(store, { jwtSecret: 'x'.repeat(32), accessTokenTtlSeconds: 900, refreshTokenTtlHours: 12, production: false, now: () => clock.ms });
  return { clock, store, service };
}

async function refusal(p: Promise<unknown>): Promise<RefreshRefusal | 'accepted'> {
  try {
    await p;
    return 'accepted';
  } catch (err) {
    if (err instanceof RefreshTokenError) return err.reason;
    throw err;
  }
}

describe('RefreshTokenService', () => {
  it('keeps only a hash of the token, never the token', async () => {
    const { store, service } = setup();
    const { refreshToken } = await service.issue(USER);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.rows).toEqual([expect.objectContaining({ userId: USER, tokenHash: hashRefreshToken(refreshToken), revokedAt: null })]);
    expect(JSON.stringify(store.rows)).not.toContain(refreshToken);
  });

  it('rotates: the used token is spent and a new one of the same family replaces it', async () => {
    const { store, service } = setup();
    const first = await service.issue(USER);
    const second = await service.rotate(first.refreshToken);
    expect(second).toMatchObject({ userId: USER, familyId: first.familyId });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await service.rotate(second.refreshToken);
    expect(third.familyId).toBe(first.familyId);
    expect(store.rows.map((r) => r.revokedAt !== null)).toEqual([true, true, false]);
  });

  it('treats a spent token presented again as theft: the whole family is revoked, the newest token too', async () => {
    const { store, service } = setup();
    const first = await service.issue(USER);
    const second = await service.rotate(first.refreshToken);
    const other = await service.issue(USER); // another sign-in, another device
    expect(await refusal(service.rotate(first.refreshToken))).toBe('reused');
    expect(await refusal(service.rotate(second.refreshToken))).toBe('reused');
    expect(store.rows.filter((r) => r.familyId === first.familyId).every((r) => r.revokedAt !== null)).toBe(true);
    // The other sign-in is not touched.
    expect(await refusal(service.rotate(other.refreshToken))).toBe('accepted');
  });

  it('refuses an expired token without revoking its family', async () => {
    const { clock, store, service } = setup();
    const t = await service.issue(USER);
    clock.ms += 12 * 3_600_000;
    expect(await refusal(service.rotate(t.refreshToken))).toBe('expired');
    expect(store.rows[0].revokedAt).toBeNull();
  });

  it('accepts a token one millisecond before it expires', async () => {
    const { clock, service } = setup();
    const t = await service.issue(USER);
    clock.ms += 12 * 3_600_000 - 1;
    expect(await refusal(service.rotate(t.refreshToken))).toBe('accepted');
  });

  it('refuses a token it never issued', async () => {
    const { service } = setup();
    await service.issue(USER);
    expect(await refusal(service.rotate('not-a-token-we-issued'))).toBe('unknown');
  });

  it('logout revokes the family, so neither the token nor its successors work', async () => {
    const { service } = setup();
    const first = await service.issue(USER);
    const second = await service.rotate(first.refreshToken);
    expect(await service.revoke(second.refreshToken)).toEqual({ userId: USER });
    expect(await refusal(service.rotate(second.refreshToken))).toBe('reused');
    expect(await service.revoke('unknown')).toBeNull();
  });

  it('lets only one of two uses of the same token win', async () => {
    const { service } = setup();
    const t = await service.issue(USER);
    const outcomes = await Promise.all([refusal(service.rotate(t.refreshToken)), refusal(service.rotate(t.refreshToken))]);
    expect(outcomes.sort()).toEqual(['accepted', 'reused']);
  });
});
