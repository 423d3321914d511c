import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SupervisionAcknowledgeEarlyWarning, SupervisionListEarlyWarnings, type EarlyWarningPage, type EarlyWarningView } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { EarlyWarningStore } from './early-warning.store';

/** 苗头预警 over NATS: the list and the acknowledgement. */
@Controller()
export class EarlyWarningQueries {
  constructor(private readonly store: EarlyWarningStore) {}

  @MessagePattern(SupervisionListEarlyWarnings.subject)
  async list(@Payload() data: unknown): Promise<EarlyWarningPage> {
    return this.store.list(await validQuery(SupervisionListEarlyWarnings, data));
  }

  @MessagePattern(SupervisionAcknowledgeEarlyWarning.subject)
  async acknowledge(@Payload() data: unknown): Promise<EarlyWarningView> {
    return this.store.acknowledge(await validQuery(SupervisionAcknowledgeEarlyWarning, data));
  }
}
