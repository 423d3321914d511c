import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SupervisionAnswerReview,
  SupervisionCloseGrievance,
  SupervisionGetAftercare,
  SupervisionRecordEvaluation,
  SupervisionRequestReview,
  SupervisionRequestRework,
  type AftercareView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { AftercareService } from './aftercare.service';

/** Request/reply door of the after-reply commands (the gateway asks; refusals carry their code). */
@Controller()
export class AftercareCommands {
  constructor(private readonly aftercare: AftercareService) {}

  @MessagePattern(SupervisionGetAftercare.subject)
  async get(@Payload() data: unknown): Promise<AftercareView> {
    return this.aftercare.get((await validQuery(SupervisionGetAftercare, data)).trackingCode);
  }

  @MessagePattern(SupervisionRecordEvaluation.subject)
  async evaluate(@Payload() data: unknown): Promise<AftercareView> {
    return this.aftercare.evaluate(await validQuery(SupervisionRecordEvaluation, data));
  }

  @MessagePattern(SupervisionRequestRework.subject)
  async rework(@Payload() data: unknown): Promise<AftercareView> {
    return this.aftercare.rework(await validQuery(SupervisionRequestRework, data));
  }

  @MessagePattern(SupervisionCloseGrievance.subject)
  async close(@Payload() data: unknown): Promise<AftercareView> {
    return this.aftercare.close(await validQuery(SupervisionCloseGrievance, data));
  }

  @MessagePattern(SupervisionRequestReview.subject)
  async requestReview(@Payload() data: unknown): Promise<AftercareView> {
    return this.aftercare.requestReview(await validQuery(SupervisionRequestReview, data));
  }

  @MessagePattern(SupervisionAnswerReview.subject)
  async answerReview(@Payload() data: unknown): Promise<AftercareView> {
    return this.aftercare.answerReview(await validQuery(SupervisionAnswerReview, data));
  }
}
