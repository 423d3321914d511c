import { Module } from '@nestjs/common';
import { DirectoryQueries } from './directory.queries';
import { DirectoryRepository } from './directory.repository';

@Module({
  controllers: [DirectoryQueries],
  providers: [DirectoryRepository],
  exports: [DirectoryRepository],
})
export class DirectoryModule {}
