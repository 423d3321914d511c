import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntakeMergeGrievances, IntakeSuggestDuplicates, type DuplicateSuggestionView } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { DuplicateService } from './duplicate.service';

/** Operators' duplicate tools over NATS (the gateway); same service as the REST routes. */
@Controller()
export class DuplicateQueries {
  constructor(private readonly duplicates: DuplicateService) {}

  @MessagePattern(IntakeSuggestDuplicates.subject)
  async suggest(@Payload() data: unknown): Promise<DuplicateSuggestionView[]> {
    return this.duplicates.suggest((await validQuery(IntakeSuggestDuplicates, data)).grievanceId);
  }

  @MessagePattern(IntakeMergeGrievances.subject)
  async merge(@Payload() data: unknown): Promise<{ id: string; mergedInto: string }> {
    const q = await validQuery(IntakeMergeGrievances, data);
    try {
      return await this.duplicates.merge(q.mergeId, q.keepId);
    } catch (err) {
      // The REST route calls the primary `intoId`; this command calls it `keepId`.
      if (err instanceof DomainError && err.fields) throw new DomainError(err.code, err.message, err.fields.map((f) => (f.field === 'intoId' ? { ...f, field: 'keepId' } : f)));
      throw err;
    }
  }
}
