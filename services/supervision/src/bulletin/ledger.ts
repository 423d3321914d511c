import type { BulletinView, IndicatorRow, LedgerFile, LedgerFormat, LedgerSheet } from '@yikouban/contracts';
import { toCsv, type LedgerCell } from './ledger-csv';
import { toXlsx, type LedgerSheetData } from './ledger-xlsx';

/** 台账 of a bulletin: the indicator rows (total, regions, units, top categories) and the overdue list. */

export const INDICATOR_HEADER = [
  '分组', '代码', '受理量', '重复信访', '交办', '签收响应', '答复', '按期答复', '超期答复', '评价', '满意', '基本满意', '不满意', '已解决', '办结', '超期', '积存',
  '响应率', '解决率', '满意率', '按期办结率', '重复信访率',
];
export const OVERDUE_HEADER = ['受理编号', '环节', '期限', '督办级别', '升级至', '地区', '单位', '类别'];

const rate = (r: number | null): LedgerCell => (r === null ? null : { share: r });

function indicatorRow(group: string, r: IndicatorRow): LedgerCell[] {
  const c = r.counts;
  return [
    group, r.key ?? (group === '总计' ? '全部' : '未知'),
    c.received, c.repeats, c.assigned, c.responded, c.replied, c.repliedOnTime, c.repliedLate, c.evaluated, c.satisfied, c.basicallySatisfied, c.notSatisfied, c.resolved, c.closed, c.breached, r.backlog,
    rate(r.rates.responseRate), rate(r.rates.resolutionRate), rate(r.rates.satisfactionRate), rate(r.rates.onTimeRate), rate(r.rates.repeatRate),
  ];
}

export function ledgerTables(b: BulletinView): Record<LedgerSheet, LedgerSheetData> {
  return {
    indicators: {
      name: '指标',
      header: INDICATOR_HEADER,
      rows: [indicatorRow('总计', b.totals), ...b.regions.map((r) => indicatorRow('地区', r)), ...b.units.map((r) => indicatorRow('单位', r)), ...b.topCategories.map((r) => indicatorRow('类别', r))],
    },
    overdue: {
      name: '超期清单',
      header: OVERDUE_HEADER,
      rows: b.overdue.map((o) => [o.trackingCode, o.step, o.dueAt, o.escalationLevel, o.escalatedTo, o.regionCode, o.orgCode, o.categoryCode]),
    },
  };
}

/** The file for a download: CSV holds one table (indicators unless `sheet` says overdue), XLSX both. */
export async function ledgerFile(b: BulletinView, format: LedgerFormat, sheet: LedgerSheet = 'indicators'): Promise<LedgerFile> {
  const tables = ledgerTables(b);
  const base = `bulletin-${b.kind}-${b.periodStart}`;
  const file =
    format === 'csv'
      ? { filename: `${base}-${sheet}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(tables[sheet].header, tables[sheet].rows) }
      : { filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx([tables.indicators, tables.overdue]) };
  return { filename: file.filename, contentType: file.contentType, bytes: file.body.length, base64: file.body.toString('base64') };
}
