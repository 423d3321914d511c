import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SupervisionConcludePublicEvaluation,
  SupervisionGetPublicEvaluation,
  SupervisionListPublicEvaluations,
  SupervisionOpenPublicEvaluation,
  SupervisionRecordEvaluationVote,
  type PublicEvaluationPage,
  type PublicEvaluationView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { PublicEvaluationService } from './public-evaluation.service';

/** Request/reply door of 阳光信访公开评议. */
@Controller()
export class PublicEvaluationCommands {
  constructor(private readonly evaluations: PublicEvaluationService) {}

  @MessagePattern(SupervisionGetPublicEvaluation.subject)
  async get(@Payload() data: unknown): Promise<PublicEvaluationView> {
    return this.evaluations.get((await validQuery(SupervisionGetPublicEvaluation, data)).publicEvaluationId);
  }

  @MessagePattern(SupervisionListPublicEvaluations.subject)
  async list(@Payload() data: unknown): Promise<PublicEvaluationPage> {
    return this.evaluations.list(await validQuery(SupervisionListPublicEvaluations, data));
  }

  @MessagePattern(SupervisionOpenPublicEvaluation.subject)
  async open(@Payload() data: unknown): Promise<PublicEvaluationView> {
    return this.evaluations.open(await validQuery(SupervisionOpenPublicEvaluation, data));
  }

  @MessagePattern(SupervisionRecordEvaluationVote.subject)
  async vote(@Payload() data: unknown): Promise<PublicEvaluationView> {
    return this.evaluations.vote(await validQuery(SupervisionRecordEvaluationVote, data));
  }

  @MessagePattern(SupervisionConcludePublicEvaluation.subject)
  async conclude(@Payload() data: unknown): Promise<PublicEvaluationView> {
    return this.evaluations.conclude(await validQuery(SupervisionConcludePublicEvaluation, data));
  }
}
