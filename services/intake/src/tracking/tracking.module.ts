import { Module } from '@nestjs/common';
import { CitizenTrackingController } from './citizen-tracking.controller';
import { CitizenTrackingService } from './citizen-tracking.service';
import { ClockStartedHandler } from './clock-started.handler';
import { HANDLING_FACT_HANDLERS } from './handling-facts.handlers';
import { TrackingQueries } from './tracking.queries';

@Module({ controllers: [CitizenTrackingController, TrackingQueries], providers: [CitizenTrackingService, ClockStartedHandler, ...HANDLING_FACT_HANDLERS] })
export class TrackingModule {}
