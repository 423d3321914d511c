import { hashSecret, verifyAgainstDecoy, verifySecret } from './secret-hasher';

describe('secret hasher', () => {
  it('hashes with argon2id and a fresh salt, and verifies only the right secret', async () => {
    const a = await hashSecret('yikouban-demo-clerk');
    const b = await hashSecret('yikouban-demo-clerk');
    expect(a).toMatch(/^\$argon2id\$v=19\$/);
    expect(a.split('$')[3].split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    expect(a).not.toBe(b);
    expect(await verifySecret(a, 'yikouban-demo-clerk')).toBe(true);
    expect(await verifySecret(a, 'yikouban-demo-clerK')).toBe(false);
    expect(await verifySecret(a, '')).toBe(false);
  });

  it('answers false, without throwing, for a stored value that is not an argon2 hash', async () => {
    expect(await verifySecret('plain-text-password', 'plain-text-password')).toBe(false);
    expect(await verifySecret('', 'x')).toBe(false);
  });

  it('the decoy check never matches, whatever the secret', async () => {
    expect(await verifyAgainstDecoy('decoy-secret-that-matches-nothing')).toBe(false);
    expect(await verifyAgainstDecoy('anything')).toBe(false);
  });
});
