import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { blindIndex, PiiCipher, validateIdNumber, validatePhone } from './identity';
import type { PetitionerInput } from '../grievance/dto/create-grievance.dto';
import { Petitioner } from './petitioner.entity';

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
      phoneCipher: phone?.ok ? this.cipher.encrypt(phone.value, id) : null,
      phoneIndex: phone?.ok ? blindIndex(this.indexKey, 'phone', phone.value) : null,
      idNumberCipher: idNumber?.ok ? this.cipher.encrypt(idNumber.value, id) : null,
      idNumberIndex: idNumber?.ok ? blindIndex(this.indexKey, 'id_number', idNumber.value) : null,
      createdAt: now,
    });
    await tx.insert(Petitioner, row);
    return row;
  }
}
