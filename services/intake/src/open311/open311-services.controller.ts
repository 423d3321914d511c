import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { PublicRateLimitGuard } from '../rate-limit';
import type { Request, Response } from 'express';
import { CATEGORY_CATALOGUE, type CategoryCatalogue } from './catalogue/category-catalogue';
import { isOpen311Format, sendOpen311, splitFormat, type Open311Format } from './format/response-format';
import { Open311ErrorFilter } from './open311-error.filter';
import { Open311Error } from './open311.errors';
import { checkJurisdiction, OPEN311_OPTIONS, type Open311Options } from './open311.options';
import type { Open311Discovery } from './open311.types';
import { serviceDefinition, toOpen311Service } from './services/service-definitions';

export const OPEN311_BASE = 'open311/v2';
/** When this API last changed shape; clients re-read discovery when it moves. */
export const OPEN311_CHANGESET = '2024-11-22T00:00:00Z';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** `…/services.csv` and the like: the format is part of the address. */
export function formatOrFail(format: string): Open311Format {
  const f = format.toLowerCase();
  if (!isOpen311Format(f)) throw Open311Error.notFound(`不支持的格式 ${format}：请用 .json 或 .xml (format ${format} is not supported; use .json or .xml)`);
  return f;
}

/** Discovery and the service list (from the classification list, via routing). */
@Controller(OPEN311_BASE)
@UseGuards(PublicRateLimitGuard)
@UseFilters(Open311ErrorFilter)
export class Open311ServicesController {
  constructor(
    @Inject(CATEGORY_CATALOGUE) private readonly catalogue: CategoryCatalogue,
    @Inject(OPEN311_OPTIONS) private readonly options: Open311Options,
  ) {}

  @Get('discovery.:format')
  discovery(@Param('format') format: string, @Req() req: Request, @Res() res: Response): void {
    const f = formatOrFail(format);
    const url = this.options.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}/${OPEN311_BASE}`;
    const body: Open311Discovery = {
      changeset: OPEN311_CHANGESET,
      contact: this.options.contact ?? '县信访局 (county petition bureau)',
      key_service: '向县信访局申请 api_key (ask the county petition bureau for an api_key)',
      endpoints: [{ specification: SPECIFICATION, url, changeset: OPEN311_CHANGESET, type: this.options.production ? 'production' : 'test', formats: ['text/xml', 'application/json'] }],
    };
    sendOpen311(res, f, 200, 'discovery', body);
  }

  @Get('services.:format')
  async services(@Param('format') format: string, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const f = formatOrFail(format);
    checkJurisdiction(query.jurisdiction_id, this.options);
    const services = (await this.catalogue.list()).map(toOpen311Service);
    sendOpen311(res, f, 200, 'services', services);
  }

  @Get('services/:file')
  async definition(@Param('file') file: string, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const parts = splitFormat(file);
    if (!parts) throw Open311Error.notFound(`请用 services/{service_code}.json 或 .xml (use services/{service_code}.json or .xml)`);
    checkJurisdiction(query.jurisdiction_id, this.options);
    const category = (await this.catalogue.list()).find((c) => c.code === parts.name);
    if (!category) throw Open311Error.notFound(`service_code ${parts.name} 不存在 (service_code not found)`);
    sendOpen311(res, parts.format, 200, 'service_definition', serviceDefinition(category));
  }
}
