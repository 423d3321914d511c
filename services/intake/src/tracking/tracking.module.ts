import { Module } from '@nestjs/common';
import { CitizenTrackingController } from './citizen-tracking.controller';
import { CitizenTrackingService } from './citizen-tracking.service';
import { ClockStartedHandler } from './clock-started.handler';

@Module({ controllers: [CitizenTrackingController], providers: [CitizenTrackingService, ClockStartedHandler] })
export class TrackingModule {}
