import { MessagingTables1732300000000 } from '@yikouban/messaging';
import { serviceDataSourceOptions } from '@yikouban/persistence';
import { Assignment } from '../assignment/assignment.entity';
import { CreateDirectoryAndAssignments1732300000200 } from './migrations/1732300000200-CreateDirectoryAndAssignments';
import { TriageDecisions1732300000210 } from './migrations/1732300000210-TriageDecisions';
import { AssignmentWorkbench1732300000220 } from './migrations/1732300000220-AssignmentWorkbench';
import { JurisdictionDisputes1732300000230 } from './migrations/1732300000230-JurisdictionDisputes';
import { TriageOverrideOnce1732300000240 } from './migrations/1732300000240-TriageOverrideOnce';
import { VersionedClassificationAndRules1732300000250 } from './migrations/1732300000250-VersionedClassificationAndRules';
import { DirectoryAdministration1732300000280 } from './migrations/1732300000280-DirectoryAdministration';

export const ROUTING_SCHEMA = 'routing';

export function routingDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: ROUTING_SCHEMA,
    entities: [Assignment],
    migrations: [MessagingTables1732300000000, CreateDirectoryAndAssignments1732300000200, TriageDecisions1732300000210,
      AssignmentWorkbench1732300000220, JurisdictionDisputes1732300000230, TriageOverrideOnce1732300000240,
      VersionedClassificationAndRules1732300000250, DirectoryAdministration1732300000280],
  });
}
