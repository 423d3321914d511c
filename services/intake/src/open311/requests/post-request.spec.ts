import type { CategorySummary } from '@yikouban/contracts';
import { composeName, mapPostRequest, type PostMapping } from './post-request';

const CATALOGUE: CategorySummary[] = [
  { code: 'road_damage', name: '道路损坏', nameEn: 'Road damage', matterClass: 'suggestion', statutoryPaths: [], keywords: ['路面'], listVersion: 1 },
  { code: 'wage_arrears', name: '拖欠工资', nameEn: 'Wage arrears', matterClass: 'claim', statutoryPaths: ['arbitration', 'litigation'], keywords: ['欠薪'], listVersion: 1 },
];
const REGION = '330621';
const base = { service_code: 'road_damage', lat: '29.9876', long: '120.6543', description: '人民路与解放路口路面塌陷，有一个大坑。' };

function ok(m: PostMapping) {
  if (!m.ok) throw new Error(`expected a mapping, got ${m.problems.join(' | ')}`);
  return m;
}
function problems(m: PostMapping): string {
  if (m.ok) throw new Error('expected problems');
  return m.problems.join(' | ');
}

describe('POST request → grievance registration', () => {
  it('maps a report with coordinates to an open311 grievance of the county', () => {
    const m = ok(mapPostRequest({ ...base, address_string: '人民路 12 号', media_url: 'https://img.example.cn/a.jpg', address_id: 'A-17' }, CATALOGUE, REGION));
    expect(m.dto).toEqual({
      channel: 'open311',
      regionCode: REGION,
      categoryCode: 'road_damage',
      description: base.description,
      location: { lat: 29.9876, lng: 120.6543, address: '人民路 12 号' },
    });
    expect(m.extras).toEqual({ addressString: '人民路 12 号', addressId: 'A-17', mediaUrl: 'https://img.example.cn/a.jpg', attributes: {} });
  });

  it('reads numbers from a JSON body as a form would carry them', () => {
    expect(ok(mapPostRequest({ ...base, lat: 29.9876, long: 120.6543 }, CATALOGUE, REGION)).dto.location).toEqual({ lat: 29.9876, lng: 120.6543 });
  });

  it('accepts an address without coordinates and keeps it aside', () => {
    const m = ok(mapPostRequest({ service_code: 'road_damage', address_string: '人民路 12 号', description: base.description }, CATALOGUE, REGION));
    expect(m.dto.location).toBeUndefined();
    expect(m.extras.addressString).toBe('人民路 12 号');
  });

  it('makes the petitioner from first and last name, family name first for Chinese names', () => {
    expect(composeName('伟', '张')).toBe('张伟');
    expect(composeName('Wei', 'Zhang')).toBe('Wei Zhang');
    expect(composeName(undefined, '张')).toBe('张');
    expect(composeName(undefined, undefined)).toBeUndefined();
    const m = ok(mapPostRequest({ ...base, first_name: '秀英', last_name: '王', phone: '138-0013-8000' }, CATALOGUE, REGION));
    expect(m.dto.petitioner).toEqual({ name: '王秀英', phone: '138-0013-8000' });
  });

  it('turns attributes into fields: headcount onto the grievance, the rest kept aside', () => {
    const m = ok(mapPostRequest({ ...base, service_code: 'wage_arrears', attribute: { headcount: '12', paths_tried: ['arbitration'], occurred_at: '2026-01-05T08:00:00+08:00' } }, CATALOGUE, REGION));
    expect(m.dto.headcount).toBe(12);
    expect(m.extras.attributes).toEqual({ paths_tried: ['arbitration'], occurred_at: '2026-01-05T00:00:00.000Z' });
  });

  it.each([
    [{ ...base, service_code: undefined }, /service_code was not provided/],
    [{ ...base, service_code: 'no_such' }, /service_code no_such was not found/],
    [{ ...base, lat: undefined, long: undefined }, /a location is required/],
    [{ ...base, lat: ' ', long: ' ' }, /a location is required/],
    [{ ...base, long: undefined }, /lat and long go together/],
    [{ ...base, lat: '91' }, /lat must be decimal degrees/],
    [{ ...base, long: 'east' }, /long must be decimal degrees/],
    [{ ...base, description: undefined }, /description is required/],
    [{ ...base, description: '坑' }, /description must be 5 to 4000/],
    [{ ...base, description: '坑'.repeat(4001) }, /description must be 5 to 4000/],
    [{ ...base, first_name: '伟', phone: '12345' }, /phone: .*Not a valid number/],
    [{ ...base, phone: '13800138000' }, /a phone number needs a name/],
    [{ ...base, email: 'not-an-email' }, /email is not a valid address/],
    [{ ...base, media_url: 'javascript:alert(1)' }, /media_url must be an http or https URL/],
    [{ ...base, lat: ['1', '2'] }, /lat takes a single value/],
    [{ ...base, attribute: { colour: 'red' } }, /has no attribute colour/],
    [{ ...base, attribute: 'headcount=3' }, /attribute\[code\]=value/],
    [{ ...base, attribute: { headcount: 'many' } }, /must be a number/],
    [{ ...base, attribute: { headcount: '2.5' } }, /whole number from 1 to 100000/],
    [{ ...base, attribute: { occurred_at: 'last week' } }, /W3C date-time/],
    [{ ...base, service_code: 'wage_arrears', attribute: { paths_tried: ['petition'] } }, /takes only: arbitration, litigation/],
  ])('refuses %j', (body, expected) => {
    expect(problems(mapPostRequest(body as Record<string, unknown>, CATALOGUE, REGION))).toMatch(expected);
  });

  it('names every problem at once', () => {
    const text = problems(mapPostRequest({ description: '坑' }, CATALOGUE, REGION));
    expect(text).toMatch(/service_code was not provided/);
    expect(text).toMatch(/a location is required/);
    expect(text).toMatch(/description must be/);
  });
});
