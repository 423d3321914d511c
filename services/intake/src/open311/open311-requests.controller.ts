import { All, Body, Controller, Get, Inject, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { PublicRateLimitGuard } from '../rate-limit';
import type { Response } from 'express';
import { sendOpen311, splitFormat } from './format/response-format';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311Error } from './open311.errors';
import { checkJurisdiction, OPEN311_OPTIONS, type Open311Options } from './open311.options';
import { formatOrFail, OPEN311_BASE } from './open311-services.controller';
import { Open311RequestQueries } from './requests/open311-request-queries';
import { Open311Submissions } from './requests/open311-submissions';

/** A form body or a query string as Express hands it over (urlencoded with `extended`, so `attribute[x]` nests). */
type Fields = Record<string, unknown>;

function fields(raw: unknown): Fields {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Fields) : {};
}

/**
 * Service requests: POST one (api_key required), list them, read one, resolve a token.
 * Bodies are plain objects checked field by field in Open311's terms, not by the global pipe.
 */
@Controller(OPEN311_BASE)
@UseGuards(PublicRateLimitGuard)
@UseFilters(Open311ErrorFilter)
export class Open311RequestsController {
  constructor(
    private readonly submissions: Open311Submissions,
    private readonly queries: Open311RequestQueries,
    @Inject(OPEN311_OPTIONS) private readonly options: Open311Options,
  ) {}

  /** 200, not 201: GeoReport v2 clients check for 200 (the spec's examples never show 201). */
  @Post('requests.:format')
  async create(@Param('format') format: string, @Body() body: unknown, @Res() res: Response): Promise<void> {
    const f = formatOrFail(format);
    sendOpen311(res, f, 200, 'service_requests', await this.submissions.submit(fields(body)));
  }

  @Get('requests.:format')
  async list(@Param('format') format: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    const f = formatOrFail(format);
    checkJurisdiction(fields(query).jurisdiction_id, this.options);
    sendOpen311(res, f, 200, 'service_requests', await this.queries.list(fields(query)));
  }

  @Get('requests/:file')
  async one(@Param('file') file: string, @Query() query: unknown, @Res() res: Response): Promise<void> {
    const parts = splitFormat(file);
    if (!parts) throw Open311Error.notFound('请用 requests/{service_request_id}.json 或 .xml (use requests/{service_request_id}.json or .xml)');
    checkJurisdiction(fields(query).jurisdiction_id, this.options);
    sendOpen311(res, parts.format, 200, 'service_requests', await this.queries.byId(parts.name));
  }

  @Get('tokens/:file')
  async token(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const parts = splitFormat(file);
    if (!parts) throw Open311Error.notFound('请用 tokens/{token}.json 或 .xml (use tokens/{token}.json or .xml)');
    sendOpen311(res, parts.format, 200, 'service_requests', await this.queries.byToken(parts.name));
  }
}

/** Anything else under /open311/v2 gets a 404 in the spec's format, not the platform's. */
@Controller(OPEN311_BASE)
@UseFilters(Open311ErrorFilter)
export class Open311FallbackController {
  @All('{*rest}')
  notFound(): never {
    throw Open311Error.notFound('没有这个 Open311 资源 (no such Open311 resource; see discovery.json)');
  }
}
