import { parseRequestFilters, type RequestFilters } from './request-filters';
import { parseW3cDateTime } from './w3c-datetime';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

function search(query: Record<string, unknown>): Extract<RequestFilters, { kind: 'search' }> {
  const r = parseRequestFilters(query, NOW);
  if (!r.ok || r.filters.kind !== 'search') throw new Error(`expected a search, got ${JSON.stringify(r)}`);
  return r.filters;
}
function problems(query: Record<string, unknown>): string[] {
  const r = parseRequestFilters(query, NOW);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('GET requests filters', () => {
  it('defaults to the last 90 days, every service, every status', () => {
    const f = search({});
    expect(f.to).toEqual(NOW);
    expect(NOW.getTime() - f.from.getTime()).toBe(90 * DAY);
    expect(f.serviceCodes).toBeNull();
    expect(f.statuses).toBeNull();
  });

  it('takes 90 days from a lone start_date, and 90 days up to a lone end_date', () => {
    const fromStart = search({ start_date: '2025-06-01T00:00:00+08:00' });
    expect(fromStart.from.toISOString()).toBe('2025-05-31T16:00:00.000Z');
    expect(fromStart.to.getTime() - fromStart.from.getTime()).toBe(90 * DAY);
    const toEnd = search({ end_date: '2025-06-01T00:00:00Z' });
    expect(toEnd.to.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(toEnd.to.getTime() - toEnd.from.getTime()).toBe(90 * DAY);
  });

  it('refuses a range wider than 90 days, an inverted one and a date that is not W3C', () => {
    expect(problems({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-02T00:00:00Z' })[0]).toMatch(/90/);
    expect(search({ start_date: '2025-01-01T00:00:00Z', end_date: '2025-04-01T00:00:00Z' }).from.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(problems({ start_date: '2025-02-01T00:00:00Z', end_date: '2025-01-01T00:00:00Z' })[0]).toMatch(/end_date/);
    expect(problems({ start_date: 'yesterday' })[0]).toMatch(/start_date/);
    expect(problems({ end_date: '2025-02-30T00:00:00Z' })[0]).toMatch(/end_date/);
  });

  it('reads status and service_code as comma lists or repeated parameters', () => {
    expect(search({ status: 'open' }).statuses?.sort()).toEqual(['assigned', 'in_progress', 'received', 'replied']);
    expect(search({ status: 'closed' }).statuses?.sort()).toEqual(['closed', 'withdrawn']);
    expect(search({ status: 'open,closed' }).statuses).toHaveLength(6);
    expect(search({ service_code: ['road_damage', 'wage_arrears,road_damage'] }).serviceCodes).toEqual(['road_damage', 'wage_arrears']);
    expect(problems({ status: 'pending' })[0]).toMatch(/open or closed/);
    expect(problems({ service_code: 'DROP TABLE' })[0]).toMatch(/service_code/);
  });

  it('lets service_request_id override everything else, dropping ids that cannot be tracking codes', () => {
    const r = parseRequestFilters({ service_request_id: '330621-26-2223F, bad id ,330621-26-2224G', status: 'nonsense', start_date: 'x' }, NOW);
    expect(r).toEqual({ ok: true, filters: { kind: 'ids', ids: ['330621-26-2223F', '330621-26-2224G'] } });
  });
});

describe('W3C date-times', () => {
  it.each([
    ['2010-04-14T06:37:38-08:00', '2010-04-14T14:37:38.000Z'],
    ['2010-04-14T06:37:38-0800', '2010-04-14T14:37:38.000Z'],
    ['2010-04-14T06:37Z', '2010-04-14T06:37:00.000Z'],
    ['2010-04-14', '2010-04-14T00:00:00.000Z'],
    // `+08:00` sent unencoded in a query string arrives as a space.
    ['2010-04-14T06:37:38 08:00', '2010-04-13T22:37:38.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseW3cDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each(['2010-04-14T06:37:38', '2010-13-01', '2010-02-29', '2010-04-14T24:00:00Z', '14/04/2010', ''])('refuses %s', (text) => {
    expect(parseW3cDateTime(text)).toBeNull();
  });
});
