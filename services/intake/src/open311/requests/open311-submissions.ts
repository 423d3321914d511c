import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { validatePayload } from '@yikouban/contracts';
import { CreateGrievanceDto } from '../../grievance/dto/create-grievance.dto';
import { GrievanceService } from '../../grievance/grievance.service';
import { Open311ApiKeys } from '../api-key/open311-api-keys';
import { CATEGORY_CATALOGUE, type CategoryCatalogue } from '../catalogue/category-catalogue';
import { Open311Error } from '../open311.errors';
import { checkJurisdiction, OPEN311_OPTIONS, type Open311Options } from '../open311.options';
import type { Open311PostResponse } from '../open311.types';
import { Open311RequestRecord } from './open311-request.entity';
import { mapPostRequest } from './post-request';

export const SERVICE_NOTICE = '已受理。承办单位和办理时限确定后，可凭 service_request_id 查询 (received; the handling unit and the expected date appear under this service_request_id once set)';

/** POST requests: key, catalogue, every field checked before anything is written. */
@Injectable()
export class Open311Submissions {
  private readonly logger = new Logger('Open311');

  constructor(
    private readonly db: DataSource,
    private readonly grievances: GrievanceService,
    private readonly keys: Open311ApiKeys,
    @Inject(CATEGORY_CATALOGUE) private readonly catalogue: CategoryCatalogue,
    @Inject(OPEN311_OPTIONS) private readonly options: Open311Options,
  ) {}

  async submit(body: Record<string, unknown>, now = new Date()): Promise<Open311PostResponse[]> {
    const client = await this.keys.authenticate(body.api_key);
    checkJurisdiction(body.jurisdiction_id, this.options);
    const mapped = mapPostRequest(body, await this.catalogue.list(), this.options.regionCode);
    if (!mapped.ok) throw new Open311Error(400, mapped.problems);
    // The same door every channel passes (phone format, lengths, region code), in Open311's words.
    const valid = await validatePayload(CreateGrievanceDto, mapped.dto);
    if (!valid.ok) throw new Open311Error(400, valid.fields.length ? valid.fields.map((f) => `${f.field}: ${f.problems.join('; ')}`) : [valid.reason]);

    const registered = await this.grievances.register(valid.value, now);
    let token: string | undefined = randomBytes(16).toString('hex');
    // Written after the grievance's own transaction (register owns it): if this insert fails the
    // grievance still stands and is still listed; only the token and the photo link are lost.
    try {
      await this.db.getRepository(Open311RequestRecord).insert({
        grievanceId: registered.id,
        token,
        apiKeyId: client.id,
        addressString: mapped.extras.addressString,
        addressId: mapped.extras.addressId,
        mediaUrl: mapped.extras.mediaUrl,
        attributes: mapped.extras.attributes,
        createdAt: now,
      });
    } catch (err) {
      this.logger.error(`open311 details of ${registered.trackingCode} not saved: ${(err as Error).message}`, (err as Error).stack);
      token = undefined;
    }
    return [{ service_request_id: registered.trackingCode, ...(token ? { token } : {}), service_notice: SERVICE_NOTICE, account_id: null }];
  }
}
