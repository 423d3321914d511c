import { inRegion } from './intake-gateway.service';
import { toTrackingView, withoutNulls } from './intake-view.mapper';

describe('intake view mapping', () => {
  it('drops the nulls GraphQL sends for left-out fields, at every depth, and writes dates as ISO', () => {
    expect(withoutNulls({ a: null, b: 1, c: { d: null, e: 'x' }, f: [{ g: null, h: 2 }], t: new Date('2026-01-01T00:00:00Z') })).toEqual({ b: 1, c: { e: 'x' }, f: [{ h: 2 }], t: '2026-01-01T00:00:00.000Z' });
  });

  it("keeps a caller to their region's subtree", () => {
    expect(inRegion('330621101201', '330621')).toBe(true);
    expect(inRegion('330621101201', '330621101')).toBe(true);
    expect(inRegion('330621102201', '330621101')).toBe(false);
    expect(inRegion('330621', undefined)).toBe(false);
  });

  it('turns the public timeline into dates and JSON details', () => {
    const v = toTrackingView({ trackingCode: 'T-123456', status: 'assigned', channel: 'web', receivedAt: '2026-01-01T00:00:00.000Z', leadUnitName: '县教育局', dueAt: null, timeline: [{ at: '2026-01-02T00:00:00.000Z', kind: 'assigned', detail: { unitName: '县教育局' } }] });
    expect(v.timeline).toEqual([{ at: new Date('2026-01-02T00:00:00.000Z'), kind: 'assigned', detail: '{"unitName":"县教育局"}' }]);
    expect(v.dueAt).toBeNull();
  });
});
