import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SupervisionCaseDeadlines, SupervisionIndicators, SupervisionOverdueBoard, type CaseDeadline, type IndicatorRow, type OverdueBoardPage } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { BoardReader } from './board-reader';
import { IndicatorReader } from './indicator-reader';

/** Indicators, the overdue / near-overdue board and one case's deadlines, over NATS. */
@Controller()
export class IndicatorQueries {
  constructor(
    private readonly indicators: IndicatorReader,
    private readonly board: BoardReader,
  ) {}

  @MessagePattern(SupervisionIndicators.subject)
  async indicatorRows(@Payload() data: unknown): Promise<IndicatorRow[]> {
    return this.indicators.read(await validQuery(SupervisionIndicators, data));
  }

  @MessagePattern(SupervisionOverdueBoard.subject)
  async overdueBoard(@Payload() data: unknown): Promise<OverdueBoardPage> {
    return this.board.overdue(await validQuery(SupervisionOverdueBoard, data));
  }

  @MessagePattern(SupervisionCaseDeadlines.subject)
  async caseDeadlines(@Payload() data: unknown): Promise<CaseDeadline[]> {
    return this.board.caseDeadlines((await validQuery(SupervisionCaseDeadlines, data)).grievanceId);
  }
}
