import { Expose, Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { DataServiceConfig } from '@yikouban/config';
import { piiKeyRingField } from '@yikouban/pii';
import { portField } from '@yikouban/service-kit';

/** Development-only key ring: production refuses to start without SUPERVISION_PII_KEYS. */
export const DEV_SUPERVISION_PII_KEYS = 'dev1:ZGV2LW9ubHktc3VwZXJ2aXNpb24tcGlpLWtleS0zMmI=';

export class SupervisionConfig extends DataServiceConfig {
  @portField('SUPERVISION_PORT')
  port = 3004;

  /** Key ring `keyId:base64key[,…]` of the reception ledger's personal information; the first key encrypts, any listed key decrypts. */
  @piiKeyRingField('SUPERVISION_PII_KEYS')
  piiKeys?: string;

  /** How often due warnings and breaches are looked for (ms); 0 turns the sweeper off (tests sweep by hand). */
  @Expose({ name: 'SUPERVISION_SWEEP_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  sweepIntervalMs = 1000;

  /** How often bulletins that have come due are looked for (ms); 0 turns the schedule off (tests generate by hand). */
  @Expose({ name: 'SUPERVISION_BULLETIN_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  bulletinIntervalMs = 60_000;

  get effectivePiiKeys(): string {
    return this.piiKeys ?? DEV_SUPERVISION_PII_KEYS;
  }
}
