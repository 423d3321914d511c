import { MessagingTables1732300000000 } from '@yikouban/messaging';
import { serviceDataSourceOptions } from '@yikouban/persistence';
import { Attachment } from '../attachment/attachment.entity';
import { Grievance } from '../grievance/grievance.entity';
import { Petitioner } from '../petitioner/petitioner.entity';
import { CreateGrievances1732300000100 } from './migrations/1732300000100-CreateGrievances';
import { CreateAttachments1732300000110 } from './migrations/1732300000110-CreateAttachments';
import { RepeatsAndRepresentatives1732300000120 } from './migrations/1732300000120-RepeatsAndRepresentatives';
import { PublicTimeline1732300000130 } from './migrations/1732300000130-PublicTimeline';
import { GrievanceLocation1732300000140 } from './migrations/1732300000140-GrievanceLocation';
import { MergedInto1732300000160 } from './migrations/1732300000160-MergedInto';
import { PetitionerAuditAndSkipLevel1732300000170 } from './migrations/1732300000170-PetitionerAuditAndSkipLevel';
import { TimelineClock1732300000600 } from './migrations/1732300000600-TimelineClock';
import { ClockFactOrder1732300000610 } from './migrations/1732300000610-ClockFactOrder';
import { RateLimitHits1732300000620 } from './migrations/1732300000620-RateLimitHits';
import { Open311ApiKeys1732300000150 } from './migrations/1732300000150-Open311ApiKeys';
import { Open311ApiKey } from '../open311/api-key/open311-api-key.entity';
import { Open311RequestRecord } from '../open311/requests/open311-request.entity';

export const INTAKE_SCHEMA = 'intake';

/** The one data source definition, shared by the app and the migrate command. */
export function intakeDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: INTAKE_SCHEMA,
    entities: [Grievance, Petitioner, Attachment, Open311ApiKey, Open311RequestRecord],
    migrations: [MessagingTables1732300000000, CreateGrievances1732300000100, CreateAttachments1732300000110, RepeatsAndRepresentatives1732300000120, PublicTimeline1732300000130, GrievanceLocation1732300000140, Open311ApiKeys1732300000150, MergedInto1732300000160, PetitionerAuditAndSkipLevel1732300000170, TimelineClock1732300000600, ClockFactOrder1732300000610, RateLimitHits1732300000620],
  });
}
