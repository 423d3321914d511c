import { MessagingTables1732300000000 } from '@yikouban/messaging';
import { serviceDataSourceOptions } from '@yikouban/persistence';
import { Clock } from '../clock/clock.entity';
import { CreateClocks1732300000400 } from './migrations/1732300000400-CreateClocks';
import { ClockAlarms1732300000410 } from './migrations/1732300000410-ClockAlarms';
import { GrievanceProfiles1732300000420 } from './migrations/1732300000420-GrievanceProfiles';
import { Aftercare1732300000450 } from './migrations/1732300000450-Aftercare';
import { Indicators1732300000460 } from './migrations/1732300000460-Indicators';
import { Oversight1732300000490 } from './migrations/1732300000490-Oversight';
import { EarlyWarnings1732300000500 } from './migrations/1732300000500-EarlyWarnings';
import { Bulletins1732300000510 } from './migrations/1732300000510-Bulletins';
import { LeaderReception1732300000520 } from './migrations/1732300000520-LeaderReception';
import { PublicEvaluation1732300000530 } from './migrations/1732300000530-PublicEvaluation';
import { DeadlineExtensions1732300000540 } from './migrations/1732300000540-DeadlineExtensions';
import { CalendarAndPolicyAdministration1732300000550 } from './migrations/1732300000550-CalendarAndPolicyAdministration';
import { ClockJurisdiction1732300000570 } from './migrations/1732300000570-ClockJurisdiction';
import { TriagedCategoryTally1732300000571 } from './migrations/1732300000571-TriagedCategoryTally';
import { ClockAwaitingReceipt1732300000580 } from './migrations/1732300000580-ClockAwaitingReceipt';
import { protectReceptionLedger } from './migrations/1732300000590-ProtectReceptionLedger';
import { RegistrationDecision1732300000610 } from './migrations/1732300000610-RegistrationDecision';
import { ClockGrievanceStepIndex1732300000620 } from './migrations/1732300000620-ClockGrievanceStepIndex';
import { MergedDuplicates1732300000630 } from './migrations/1732300000630-MergedDuplicates';
import { WithdrawnCases1732300000640 } from './migrations/1732300000640-WithdrawnCases';
import { BoardQueryIndexes1732300000670 } from './migrations/1732300000670-BoardQueryIndexes';
import { BoardCaseDimensions1732300000671 } from './migrations/1732300000671-BoardCaseDimensions';
import { CaseMovesClocksOnlyWhenMoved1732300000680 } from './migrations/1732300000680-CaseMovesClocksOnlyWhenMoved';
import { AssignedCasesDecided1732300000681 } from './migrations/1732300000681-AssignedCasesDecided';

export const SUPERVISION_SCHEMA = 'supervision';

/** `piiKeyRing` encrypts what some migrations protect (the reception ledger's personal information). */
export function supervisionDataSourceOptions(url: string, piiKeyRing: string) {
  return serviceDataSourceOptions({
    url,
    schema: SUPERVISION_SCHEMA,
    entities: [Clock],
    migrations: [MessagingTables1732300000000, CreateClocks1732300000400, ClockAlarms1732300000410, GrievanceProfiles1732300000420, Aftercare1732300000450, Indicators1732300000460, Oversight1732300000490, EarlyWarnings1732300000500, Bulletins1732300000510, LeaderReception1732300000520, PublicEvaluation1732300000530, DeadlineExtensions1732300000540, CalendarAndPolicyAdministration1732300000550, ClockJurisdiction1732300000570, TriagedCategoryTally1732300000571, ClockAwaitingReceipt1732300000580, protectReceptionLedger(piiKeyRing), RegistrationDecision1732300000610, ClockGrievanceStepIndex1732300000620, MergedDuplicates1732300000630, WithdrawnCases1732300000640, BoardQueryIndexes1732300000670, BoardCaseDimensions1732300000671, CaseMovesClocksOnlyWhenMoved1732300000680, AssignedCasesDecided1732300000681],
  });
}
