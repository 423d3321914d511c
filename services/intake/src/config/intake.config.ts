import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CODE_PATTERN } from '@yikouban/contracts';
import { DataServiceConfig } from '@yikouban/config';
import { blindIndexKeyField, piiKeyRingField } from '@yikouban/pii';
import { portField } from '@yikouban/service-kit';
import { SKIP_LEVEL_POLICIES, type SkipLevelPolicy } from '../skip-level/skip-level';

/** Development-only keys: production refuses to start without real ones (see validation below). */
export const DEV_PII_KEYS = 'dev1:ZGV2LW9ubHktcGlpLWtleS0zMi1ieXRlcy1sb25nISE=';
export const DEV_BLIND_INDEX_KEY = 'ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LTMyYnl0ZXM=';

export class IntakeConfig extends DataServiceConfig {
  @portField('INTAKE_PORT')
  port = 3001;

  /** Key ring `keyId:base64key[,…]`; the first key encrypts, any listed key decrypts. Required in production. */
  @piiKeyRingField('INTAKE_PII_KEYS')
  piiKeys?: string;

  /** Base64 key (32+ bytes) of the blind indexes. Required in production. */
  @blindIndexKeyField('INTAKE_BLIND_INDEX_KEY')
  blindIndexKey?: string;

  /** A similar matter from the same person within this many days makes a repeat (重复信访). */
  @Expose({ name: 'INTAKE_REPEAT_WINDOW_DAYS' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  repeatWindowDays = 365;

  /** 越级 (skip-level): `flag` marks it; `redirect` also tells the petitioner to go to the competent level (逐级走访). */
  @Expose({ name: 'INTAKE_SKIP_LEVEL_POLICY' })
  @IsIn(SKIP_LEVEL_POLICIES, { message: `INTAKE_SKIP_LEVEL_POLICY must be one of ${SKIP_LEVEL_POLICIES.join(', ')}` })
  skipLevelPolicy: SkipLevelPolicy = 'flag';

  /** Requests per minute per client on the public endpoints (the tracking door allows fewer). */
  @Expose({ name: 'INTAKE_REQUESTS_PER_MINUTE' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  requestsPerMinute = 600;

  /** Region recorded on grievances that arrive by Open311: the county this endpoint serves. */
  @Expose({ name: 'INTAKE_OPEN311_REGION_CODE' })
  @Matches(CODE_PATTERN)
  open311RegionCode = '330621';

  @Expose({ name: 'INTAKE_OPEN311_JURISDICTION_ID' })
  @IsOptional()
  @IsString()
  open311JurisdictionId?: string;

  /** Where uploaded attachments are kept (local disk; an S3-compatible store can replace it). */
  @Expose({ name: 'INTAKE_ATTACHMENT_ROOT' })
  @IsString()
  attachmentRoot = '.data/attachments';

  get effectivePiiKeys(): string {
    return this.piiKeys ?? DEV_PII_KEYS;
  }
  get effectiveBlindIndexKey(): string {
    return this.blindIndexKey ?? DEV_BLIND_INDEX_KEY;
  }
}
