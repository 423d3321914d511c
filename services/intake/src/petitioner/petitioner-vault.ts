import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { validateIdNumber, validatePhone, type MaskedPetitioner, type PetitionerInput, type ReceivingLevel, type UnmaskedPerson } from '@yikouban/contracts';
import { blindIndex, maskIdNumber, maskName, maskPhone, PiiCipher } from '@yikouban/pii';
import { Petitioner } from './petitioner.entity';
import type { EarlierMatter } from '../repeat/repeat-detector';

export const PII_KEYS = Symbol('PII_KEYS');
export interface PiiKeys {
  keyRing: string;
  blindIndexKey: string;
}

/** Stores petitioner identity encrypted, with blind indexes to find the same person again. */
@Injectable()
export class PetitionerVault {
  private readonly cipher: PiiCipher;
  private readonly indexKey: Buffer;

  constructor(@Inject(PII_KEYS) keys: PiiKeys) {
    this.cipher = PiiCipher.fromKeyRing(keys.keyRing);
    this.indexKey = Buffer.from(keys.blindIndexKey, 'base64');
  }

  async store(tx: EntityManager, input: PetitionerInput, now: Date): Promise<Petitioner> {
    const phone = input.phone ? validatePhone(input.phone) : undefined;
    const idNumber = input.idNumber ? validateIdNumber(input.idNumber) : undefined;
    const id = randomUUID();
    const row = tx.create(Petitioner, {
      id,
      name: input.name.trim(),
      address: input.address?.trim() ?? null,
      phoneCipher: phone?.ok ? this.cipher.encrypt(phone.value, id) : null,
      phoneIndex: phone?.ok ? blindIndex(this.indexKey, 'phone', phone.value) : null,
      idNumberCipher: idNumber?.ok ? this.cipher.encrypt(idNumber.value, id) : null,
      idNumberIndex: idNumber?.ok ? blindIndex(this.indexKey, 'id_number', idNumber.value) : null,
      createdAt: now,
    });
    await tx.insert(Petitioner, row);
    return row;
  }

  /** Earlier grievances of the same person (by blind index), newest first, for repeat detection. */
  async earlierMatters(tx: EntityManager, person: Petitioner, since: Date): Promise<EarlierMatter[]> {
    if (!person.phoneIndex && !person.idNumberIndex) return [];
    const rows: { id: string; description: string; category_code: string | null; received_at: Date; received_at_level: ReceivingLevel | null }[] = await tx.query(
      `SELECT g.id, g.description, g.category_code, g.received_at, g.received_at_level FROM grievance g JOIN petitioner p ON p.id = g.petitioner_id
       WHERE (p.phone_index = $1 OR p.id_number_index = $2) AND g.received_at >= $3 AND g.status <> 'withdrawn'
       ORDER BY g.received_at DESC LIMIT 50`,
      [person.phoneIndex, person.idNumberIndex, since],
    );
    return rows.map((r) => ({ id: r.id, description: r.description, categoryCode: r.category_code, receivedAt: r.received_at, receivedAtLevel: r.received_at_level }));
  }

  /** What staff see by default: `高*国`, `138****0000`, `110***********1234`. Decrypts only to mask. */
  masked(person: Petitioner): MaskedPetitioner {
    return {
      name: maskName(person.name),
      phone: person.phoneCipher ? maskPhone(this.cipher.decrypt(person.phoneCipher, person.id)) : null,
      idNumber: person.idNumberCipher ? maskIdNumber(this.cipher.decrypt(person.idNumberCipher, person.id)) : null,
    };
  }

  /** The identity in full. Callers write the audit record in the same transaction (PetitionerReveal). */
  unmasked(person: Petitioner): UnmaskedPerson {
    return {
      name: person.name,
      phone: person.phoneCipher ? this.cipher.decrypt(person.phoneCipher, person.id) : null,
      idNumber: person.idNumberCipher ? this.cipher.decrypt(person.idNumberCipher, person.id) : null,
      address: person.address,
    };
  }
}
