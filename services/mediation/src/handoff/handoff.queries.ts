import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  MediationActOnHandoff,
  MediationGetHandoff,
  MediationHandoffInbox,
  MediationHandoffsSent,
  MediationRequestHandoff,
  type HandoffPage,
  type HandoffView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { HandoffReader } from './handoff-reads';
import { HandoffService } from './handoff.service';

/** Request/reply commands and queries on handoffs; the gateway and routing call these over NATS. */
@Controller()
export class HandoffQueries {
  constructor(
    private readonly handoffs: HandoffService,
    private readonly reader: HandoffReader,
  ) {}

  @MessagePattern(MediationRequestHandoff.subject)
  async request(@Payload() data: unknown): Promise<HandoffView> {
    return this.handoffs.request(await validQuery(MediationRequestHandoff, data));
  }

  @MessagePattern(MediationActOnHandoff.subject)
  async act(@Payload() data: unknown): Promise<HandoffView> {
    return this.handoffs.act(await validQuery(MediationActOnHandoff, data));
  }

  @MessagePattern(MediationGetHandoff.subject)
  async get(@Payload() data: unknown): Promise<HandoffView> {
    const q = await validQuery(MediationGetHandoff, data);
    return this.reader.view(q.handoffId, q.viewerOrgCode);
  }

  @MessagePattern(MediationHandoffInbox.subject)
  async inbox(@Payload() data: unknown): Promise<HandoffPage> {
    return this.reader.inbox(await validQuery(MediationHandoffInbox, data));
  }

  @MessagePattern(MediationHandoffsSent.subject)
  async sent(@Payload() data: unknown): Promise<HandoffPage> {
    return this.reader.sent(await validQuery(MediationHandoffsSent, data));
  }
}
