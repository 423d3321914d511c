import { Module } from '@nestjs/common';
import { EarlyWarningQueries } from './early-warning.queries';
import { EarlyWarningStore } from './early-warning.store';

/** 苗头预警: alerts are raised by the received handler (spike-watch.ts); this lists and acknowledges them. */
@Module({ controllers: [EarlyWarningQueries], providers: [EarlyWarningStore] })
export class EarlyWarningModule {}
