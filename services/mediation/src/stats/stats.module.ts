import { Module } from '@nestjs/common';
import { StatsQueries } from './stats.queries';
import { StatsRepository } from './stats.repository';

@Module({ controllers: [StatsQueries], providers: [StatsRepository] })
export class StatsModule {}
