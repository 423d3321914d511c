import { MessagingTables1732300000000 } from '@yikouban/messaging';
import { serviceDataSourceOptions } from '@yikouban/persistence';
import { Assignment } from '../assignment/assignment.entity';
import { CreateDirectoryAndAssignments1732300000200 } from './migrations/1732300000200-CreateDirectoryAndAssignments';
import { TriageDecisions1732300000210 } from './migrations/1732300000210-TriageDecisions';

export const ROUTING_SCHEMA = 'routing';

export function routingDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: ROUTING_SCHEMA,
    entities: [Assignment],
    migrations: [MessagingTables1732300000000, CreateDirectoryAndAssignments1732300000200, TriageDecisions1732300000210],
  });
}
