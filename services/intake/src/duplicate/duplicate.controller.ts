import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import type { DuplicateSuggestion } from './duplicate-finder';
import { DuplicateService } from './duplicate.service';

class MergeRequest {
  @IsUUID() intoId: string;
}

/** Operators' duplicate tools; the gateway exposes them to roles allowed to merge. */
@Controller('api/v1/grievances/:id')
export class DuplicateController {
  constructor(private readonly duplicates: DuplicateService) {}

  @Get('duplicates')
  suggest(@Param('id', new ParseUUIDPipe()) id: string): Promise<DuplicateSuggestion[]> {
    return this.duplicates.suggest(id);
  }

  @Post('merge')
  @HttpCode(200)
  merge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: MergeRequest): Promise<{ id: string; mergedInto: string }> {
    return this.duplicates.merge(id, body.intoId);
  }
}
