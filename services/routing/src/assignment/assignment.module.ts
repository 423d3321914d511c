import { Module } from '@nestjs/common';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryRepository } from '../directory/directory.repository';
import { AssignmentQueries } from './assignment.queries';
import { GrievanceReceivedHandler } from './grievance-received.handler';

@Module({
  controllers: [AssignmentQueries],
  providers: [DirectoryRepository, DirectoryCache, GrievanceReceivedHandler],
})
export class AssignmentModule {}

export const ROUTING_EVENT_HANDLERS = [GrievanceReceivedHandler];
