import { Module } from '@nestjs/common';
import { DuplicateController } from './duplicate.controller';
import { DuplicateService } from './duplicate.service';

@Module({ controllers: [DuplicateController], providers: [DuplicateService] })
export class DuplicateModule {}
