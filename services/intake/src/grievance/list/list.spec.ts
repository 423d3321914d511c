import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { grievanceWhere } from './grievance-filter';
import { decodeCursor, encodeCursor } from './list-cursor';

describe('grievance list filters', () => {
  it('has no condition without filters', () => {
    expect(grievanceWhere({})).toEqual({ sql: 'TRUE', params: {} });
  });

  it('ANDs every filter with named parameters', () => {
    const w = grievanceWhere({
      status: ['received', 'assigned'],
      channel: ['web'],
      regionCode: '330621101',
      categoryCode: 'wage_arrears',
      receivedFrom: '2026-01-01T00:00:00Z',
      receivedTo: '2026-02-01T00:00:00Z',
      repeat: true,
      skipLevel: false,
      collective: true,
    });
    expect(w.sql.split(' AND ')).toEqual([
      'g.status = ANY(:status)',
      'g.channel = ANY(:channel)',
      "g.region_code LIKE :region ESCAPE '\\'",
      'g.category_code = :category',
      'g.received_at >= :from',
      'g.received_at < :to',
      'g.repeat_of IS NOT NULL',
      'g.skip_level = :skipLevel',
      'g.collective = :collective',
    ]);
    expect(w.params).toMatchObject({ status: ['received', 'assigned'], channel: ['web'], region: '330621101%', category: 'wage_arrears', skipLevel: false, collective: true });
    expect(w.params.from).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('matches a region subtree by prefix, with LIKE wildcards in codes escaped', () => {
    expect(grievanceWhere({ regionCode: 'town_b' }).params.region).toBe('town\\_b%');
    expect(grievanceWhere({ repeat: false }).sql).toBe('g.repeat_of IS NULL');
  });

  it("applies the caller's scope on top of the filter's region", () => {
    const w = grievanceWhere({ regionCode: '330621101', scopeRegionCode: '330621' });
    expect(w.sql).toContain(':region');
    expect(w.sql).toContain(':scope');
    expect(w.params).toMatchObject({ region: '330621101%', scope: '330621%' });
  });

  it('continues below the last row of the previous page (newest first)', () => {
    const id = randomUUID();
    const w = grievanceWhere({}, { receivedAt: '2026-03-01T08:00:00.123Z', id });
    expect(w.sql).toBe('(g.received_at, g.id) < (:afterAt, :afterId)');
    expect(w.params).toEqual({ afterAt: new Date('2026-03-01T08:00:00.123Z'), afterId: id });
  });

  it('refuses an empty or inverted time range on receivedTo', () => {
    expect(() => grievanceWhere({ receivedFrom: '2026-02-01T00:00:00Z', receivedTo: '2026-01-01T00:00:00Z' })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'receivedTo' })] }));
  });
});

describe('list cursor', () => {
  it('round-trips any position', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.uuid(), (at, id) => {
        const p = { receivedAt: at.toISOString(), id };
        expect(decodeCursor(encodeCursor(p))).toEqual(p);
      }),
    );
  });

  it('refuses anything it did not make, naming `after`', () => {
    for (const bad of ['', 'not-base64!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["yesterday","x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', fields: [expect.objectContaining({ field: 'after' })] }));
    }
  });
});
