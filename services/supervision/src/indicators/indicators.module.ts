import { Module } from '@nestjs/common';
import { BoardReader } from './board-reader';
import { BreachTallyHandler, ResponseTallyHandler } from './indicator.handlers';
import { IndicatorReader } from './indicator-reader';
import { IndicatorQueries } from './indicators.queries';

/** Handlers that feed the indicator projection from facts no other supervision handler consumes. */
export const INDICATOR_EVENT_HANDLERS = [ResponseTallyHandler, BreachTallyHandler];

/** 响应率 / 解决率 / 满意率 …, the overdue board and per-case deadlines, from maintained projections. */
@Module({ controllers: [IndicatorQueries], providers: [IndicatorReader, BoardReader, ...INDICATOR_EVENT_HANDLERS] })
export class IndicatorsModule {}
