import { Module } from '@nestjs/common';
import { AssignmentCreatedHandler } from './assignment-created.handler';
import { ClockQueries } from './clock.queries';

@Module({ controllers: [ClockQueries], providers: [AssignmentCreatedHandler] })
export class ClockModule {}

export const SUPERVISION_EVENT_HANDLERS = [AssignmentCreatedHandler];
