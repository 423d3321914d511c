import { randomBytes, randomUUID } from 'node:crypto';
import { PiiCipher, PiiCipherError } from '@yikouban/pii';
import { ledgerAad, LedgerIdentity } from './ledger-identity';

const ring = `k1:${randomBytes(32).toString('base64')}`;
const identity = LedgerIdentity.fromKeyRing(ring);
const person = { whoReceived: '张三丰', phone: '13800000000', idNumber: '11010519491231002X' };

describe('LedgerIdentity', () => {
  it('masks who was received, the phone and the ID number for every view', () => {
    const id = randomUUID();
    expect(identity.masked(id, identity.seal(id, person))).toEqual({ whoReceived: '张*丰', phone: '138****0000', idNumber: '110***********002X' });
    expect(identity.masked(id, identity.seal(id, { whoReceived: '信访人王某及其妻子', phone: '0571-88887654', idNumber: null }))).toEqual({
      whoReceived: '信*******子',
      phone: '0571-******54',
      idNumber: null,
    });
    expect(identity.masked(id, identity.seal(id, { whoReceived: '李四', phone: null, idNumber: null }))).toEqual({ whoReceived: '李*', phone: null, idNumber: null });
  });

  it('seals every field as a keyed token that holds no plaintext, and opens it in full', () => {
    const id = randomUUID();
    const sealed = identity.seal(id, person);
    for (const token of Object.values(sealed)) {
      expect(token).toMatch(/^v1\.k1\./);
      for (const plain of Object.values(person)) expect(token).not.toContain(plain);
    }
    expect(identity.open(id, sealed)).toEqual(person);
  });

  it('binds each token to its entry and column: copied elsewhere, it does not decrypt', () => {
    const sealed = identity.seal(randomUUID(), person);
    expect(() => identity.open(randomUUID(), sealed)).toThrow(PiiCipherError);
    const id = randomUUID();
    const own = identity.seal(id, person);
    expect(() => identity.open(id, { ...own, who_received_cipher: own.phone_cipher as string })).toThrow(PiiCipherError);
  });

  it('uses the documented associated data, so the migration and the service agree', () => {
    const id = randomUUID();
    const sealed = identity.seal(id, person);
    expect(PiiCipher.fromKeyRing(ring).decrypt(sealed.who_received_cipher, `reception_record:${id}:who_received`)).toBe('张三丰');
    expect(ledgerAad(id, 'phone')).toBe(`reception_record:${id}:phone`);
  });

  it('reads entries sealed under an older key once the ring lists it second', () => {
    const id = randomUUID();
    const sealed = identity.seal(id, person);
    const rotated = LedgerIdentity.fromKeyRing(`k2:${randomBytes(32).toString('base64')},${ring}`);
    expect(rotated.open(id, sealed)).toEqual(person);
    expect(rotated.seal(id, person).who_received_cipher).toMatch(/^v1\.k2\./);
  });
});
