import { MessagingTables1732300000000 } from '@yikouban/messaging';
import { serviceDataSourceOptions } from '@yikouban/persistence';
import { Clock } from '../clock/clock.entity';
import { CreateClocks1732300000400 } from './migrations/1732300000400-CreateClocks';
import { ClockAlarms1732300000410 } from './migrations/1732300000410-ClockAlarms';
import { GrievanceProfiles1732300000420 } from './migrations/1732300000420-GrievanceProfiles';

export const SUPERVISION_SCHEMA = 'supervision';

export function supervisionDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: SUPERVISION_SCHEMA,
    entities: [Clock],
    migrations: [MessagingTables1732300000000, CreateClocks1732300000400, ClockAlarms1732300000410, GrievanceProfiles1732300000420],
  });
}
