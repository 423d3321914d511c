import { registerEnumType } from '@nestjs/graphql';
import { BULLETIN_KINDS, EARLY_WARNING_STATES, LEDGER_FORMATS, LEDGER_SHEETS, type EarlyWarningWindow } from '@yikouban/contracts';

const enumOf = <V extends string>(values: readonly V[]): Record<string, V> => Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));

export const BulletinKindEnum = enumOf(BULLETIN_KINDS);
export const EarlyWarningStateEnum = enumOf(EARLY_WARNING_STATES);
/** GraphQL names cannot start with a digit: ONE_DAY = '1d', THREE_DAYS = '3d'. */
export const EarlyWarningWindowEnum: Record<string, EarlyWarningWindow> = { ONE_DAY: '1d', THREE_DAYS: '3d' };
export const LedgerFormatEnum = enumOf(LEDGER_FORMATS);
export const LedgerSheetEnum = enumOf(LEDGER_SHEETS);

registerEnumType(BulletinKindEnum, { name: 'BulletinKind', description: '通报周期：日、周、半月、月 / daily, weekly, half-monthly, monthly' });
registerEnumType(EarlyWarningStateEnum, { name: 'EarlyWarningState', description: '预警状态：待处置、已签收 / open or acknowledged' });
registerEnumType(EarlyWarningWindowEnum, { name: 'EarlyWarningWindow', description: '预警窗口：1天、3天 / the window the spike was seen in' });
registerEnumType(LedgerFormatEnum, { name: 'LedgerFormat', description: '台账格式 / ledger file format' });
registerEnumType(LedgerSheetEnum, { name: 'LedgerSheet', description: 'CSV 台账的内容：指标或超期清单 / which table a CSV ledger holds' });
