import { Module } from '@nestjs/common';
import { DuplicateController } from './duplicate.controller';
import { DuplicateQueries } from './duplicate.queries';
import { DuplicateService } from './duplicate.service';

@Module({ controllers: [DuplicateController, DuplicateQueries], providers: [DuplicateService] })
export class DuplicateModule {}
