import { maskIdNumber, maskName, maskPhone, PiiCipher } from '@yikouban/pii';

/*
 * Who was received at a leader's reception is personal information, as at intake: stored
 * encrypted (AES-256-GCM with the key id in each token, so keys rotate), shown masked, and read
 * in full only through an audited reveal (LedgerReveal).
 */

export type LedgerField = 'who_received' | 'phone' | 'id_number';

/**
 * Binds a token to its row and column, so a token copied onto another entry fails to decrypt.
 * A storage format: changing it needs a migration that re-encrypts every row.
 */
export const ledgerAad = (recordId: string, field: LedgerField): string => `reception_record:${recordId}:${field}`;

export interface LedgerPerson {
  whoReceived: string;
  phone: string | null;
  idNumber: string | null;
}

/** The columns as stored: ciphertext tokens. */
export interface SealedLedgerPerson {
  who_received_cipher: string;
  phone_cipher: string | null;
  id_number_cipher: string | null;
}

export class LedgerIdentity {
  private constructor(private readonly cipher: PiiCipher) {}

  static fromKeyRing(keyRing: string): LedgerIdentity {
    return new LedgerIdentity(PiiCipher.fromKeyRing(keyRing));
  }

  seal(recordId: string, person: LedgerPerson): SealedLedgerPerson {
    return {
      who_received_cipher: this.cipher.encrypt(person.whoReceived, ledgerAad(recordId, 'who_received')),
      phone_cipher: person.phone === null ? null : this.cipher.encrypt(person.phone, ledgerAad(recordId, 'phone')),
      id_number_cipher: person.idNumber === null ? null : this.cipher.encrypt(person.idNumber, ledgerAad(recordId, 'id_number')),
    };
  }

  /** In full. Only LedgerReveal calls this, writing the audit record in the same transaction. */
  open(recordId: string, sealed: SealedLedgerPerson): LedgerPerson {
    return {
      whoReceived: this.cipher.decrypt(sealed.who_received_cipher, ledgerAad(recordId, 'who_received')),
      phone: sealed.phone_cipher === null ? null : this.cipher.decrypt(sealed.phone_cipher, ledgerAad(recordId, 'phone')),
      idNumber: sealed.id_number_cipher === null ? null : this.cipher.decrypt(sealed.id_number_cipher, ledgerAad(recordId, 'id_number')),
    };
  }

  /** What every view shows: `张*丰`, `138****0000`, `110***********1234`. Decrypts only to mask. */
  masked(recordId: string, sealed: SealedLedgerPerson): LedgerPerson {
    const person = this.open(recordId, sealed);
    return {
      whoReceived: maskName(person.whoReceived),
      phone: person.phone === null ? null : maskPhone(person.phone),
      idNumber: person.idNumber === null ? null : maskIdNumber(person.idNumber),
    };
  }
}
