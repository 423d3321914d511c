import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { blindIndex, PiiCipher, validateIdNumber, validatePhone } from './identity';
import type { PetitionerInput } from '../grievance/dto/create-grievance.dto';
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
    const rows: { id: string; description: string; category_code: string | null; received_at: Date }[] = await tx.query(
      `SELECT g.id, g.description, g.category_code, g.received_at FROM grievance g JOIN petitioner p ON p.id = g.petitioner_id
       WHERE (p.phone_index = $1 OR p.id_number_index = $2) AND g.received_at >= $3 AND g.status <> 'withdrawn'
       ORDER BY g.received_at DESC LIMIT 50`,
      [person.phoneIndex, person.idNumberIndex, since],
    );
    return rows.map((r) => ({ id: r.id, description: r.description, categoryCode: r.category_code, receivedAt: r.received_at }));
  }
}
