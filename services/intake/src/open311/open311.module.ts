import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { GrievanceService, INTAKE_POLICY } from '../grievance/grievance.service';
import { PetitionerVault, PII_KEYS } from '../petitioner/petitioner-vault';
import { Open311ApiKeys } from './api-key/open311-api-keys';
import { CATEGORY_CATALOGUE } from './catalogue/category-catalogue';
import { NatsCategoryCatalogue } from './catalogue/nats-category-catalogue';
import { Open311FallbackController, Open311RequestsController } from './open311-requests.controller';
import { Open311ServicesController } from './open311-services.controller';
import { OPEN311_OPTIONS, type Open311Options } from './open311.options';
import { Open311RequestQueries } from './requests/open311-request-queries';
import { Open311Submissions } from './requests/open311-submissions';

/**
 * Open311 GeoReport v2 under /open311/v2. Registers grievances through the same GrievanceService
 * as every channel (its own instance, with the same keys and policy, since the grievance module
 * keeps its service to itself). The category list comes from routing unless a catalogue is given.
 */
@Module({})
export class Open311Module {
  static register(options: Open311Options): DynamicModule {
    const catalogue: Provider = options.catalogue
      ? { provide: CATEGORY_CATALOGUE, useValue: options.catalogue }
      : { provide: CATEGORY_CATALOGUE, useFactory: () => new NatsCategoryCatalogue({ natsUrl: options.natsUrl, namespace: options.namespace }) };
    return {
      module: Open311Module,
      // The fallback last: it answers whatever the others do not.
      controllers: [Open311ServicesController, Open311RequestsController, Open311FallbackController],
      providers: [
        { provide: OPEN311_OPTIONS, useValue: options },
        { provide: PII_KEYS, useValue: options.pii },
        { provide: INTAKE_POLICY, useValue: options.policy },
        catalogue,
        PetitionerVault,
        GrievanceService,
        Open311ApiKeys,
        Open311Submissions,
        Open311RequestQueries,
      ],
    };
  }
}
