import readXlsxFile from 'read-excel-file/node';
import type { BulletinView, IndicatorRow } from '@yikouban/contracts';
import { emptyCounts, ratesOf } from '../indicators/indicator-math';
import { csvCell, toCsv } from './ledger-csv';
import { INDICATOR_HEADER, ledgerFile, OVERDUE_HEADER } from './ledger';

const row = (key: string | null, received: number, extra: Partial<IndicatorRow['counts']> = {}): IndicatorRow => {
  const counts = { ...emptyCounts(), received, ...extra };
  return { key, counts, rates: ratesOf(counts), backlog: 2 };
};

const bulletin: BulletinView = {
  bulletinId: '00000000-0000-4000-8000-000000000001',
  kind: 'daily',
  periodStart: '2026-03-09',
  periodEnd: '2026-03-09',
  complete: true,
  generatedAt: '2026-03-09T16:01:00.000Z',
  totals: row(null, 40, { assigned: 4, responded: 3 }),
  regions: [row('440784105', 31)],
  units: [row('org_education', 31)],
  topCategories: [row('school_closure', 31)],
  overdue: [{ trackingCode: '-440784-26-0001', step: 'handling', dueAt: '2026-03-08T10:00:00.000Z', escalationLevel: 1, escalatedTo: 'command_centre', regionCode: '440784105', orgCode: 'org_education', categoryCode: 'school_closure' }],
  overdueTotal: 1,
};

describe('ledgers (台账)', () => {
  it('escapes commas, quotes and line breaks and keeps Chinese as it is', () => {
    expect(csvCell('鹤山市址山镇')).toBe('鹤山市址山镇');
    expect(csvCell('撤并,合并')).toBe('"撤并,合并"');
    expect(csvCell('家长说"不要撤校"')).toBe('"家长说""不要撤校"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(31)).toBe('31');
    expect(csvCell({ share: 0.9736 })).toBe('97.36%');
  });

  it('neutralises cells Excel would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+86')).toBe("'+86");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes UTF-8 with a BOM and CRLF line ends', () => {
    const buf = toCsv(['地区', '受理量'], [['址山镇', 31]]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.toString('utf8')).toBe('\uFEFF地区,受理量\r\n址山镇,31\r\n');
  });

  it('the CSV ledger holds the indicator rows, or the overdue list', async () => {
    const f = await ledgerFile(bulletin, 'csv');
    expect(f).toMatchObject({ filename: 'bulletin-daily-2026-03-09-indicators.csv', contentType: 'text/csv; charset=utf-8' });
    const lines = Buffer.from(f.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe(INDICATOR_HEADER.join(','));
    expect(lines[1].startsWith('总计,全部,40,0,4,3,')).toBe(true);
    expect(lines[1]).toContain(',75%,');
    expect(lines.slice(2).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['地区,440784105,31', '单位,org_education,31', '类别,school_closure,31']);
    const overdue = Buffer.from((await ledgerFile(bulletin, 'csv', 'overdue')).base64, 'base64').toString('utf8');
    expect(overdue).toContain(`${OVERDUE_HEADER.join(',')}\r\n'-440784-26-0001,handling,`);
  });

  it('the XLSX ledger reads back with its two sheets, numbers as numbers', async () => {
    const f = await ledgerFile(bulletin, 'xlsx');
    expect(f.filename).toBe('bulletin-daily-2026-03-09.xlsx');
    const buf = Buffer.from(f.base64, 'base64');
    expect(f.bytes).toBe(buf.length);
    const sheets = await readXlsxFile(buf);
    expect(sheets.map((s) => s.sheet)).toEqual(['指标', '超期清单']);
    const [indicators, overdue] = sheets;
    expect(indicators.data[0]).toEqual(INDICATOR_HEADER);
    expect(indicators.data[1].slice(0, 6)).toEqual(['总计', '全部', 40, 0, 4, 3]);
    expect(indicators.data[1][INDICATOR_HEADER.indexOf('响应率')]).toBe(0.75);
    expect(indicators.data[2].slice(0, 3)).toEqual(['地区', '440784105', 31]);
    expect(overdue.data[1].slice(0, 2)).toEqual(['-440784-26-0001', 'handling']);
  });
});
