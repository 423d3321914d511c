import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SupervisionDecideDeadlineExtension, SupervisionListDeadlineExtensions, SupervisionRequestDeadlineExtension, type DeadlineExtensionPage, type DeadlineExtensionView } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { DeadlineExtensions } from './deadline-extension.service';

/** 延期申请 and its decision, over NATS (the gateway checks who may ask and who may decide). */
@Controller()
export class DeadlineExtensionCommands {
  constructor(private readonly extensions: DeadlineExtensions) {}

  @MessagePattern(SupervisionRequestDeadlineExtension.subject)
  async request(@Payload() data: unknown): Promise<DeadlineExtensionView> {
    return this.extensions.request(await validQuery(SupervisionRequestDeadlineExtension, data));
  }

  @MessagePattern(SupervisionDecideDeadlineExtension.subject)
  async decide(@Payload() data: unknown): Promise<DeadlineExtensionView> {
    return this.extensions.decide(await validQuery(SupervisionDecideDeadlineExtension, data));
  }

  @MessagePattern(SupervisionListDeadlineExtensions.subject)
  async list(@Payload() data: unknown): Promise<DeadlineExtensionPage> {
    return this.extensions.list(await validQuery(SupervisionListDeadlineExtensions, data));
  }
}
