import { boundingBox, distanceMetres } from './geo';
import { suggestDuplicates, type DuplicateCandidate } from './duplicate-finder';

const base = { lat: 22.765, lng: 112.964 }; // 鹤山 area
const north = (metresNorth: number) => ({ lat: base.lat + metresNorth / 111_195, lng: base.lng });
const offset = (metresNorth: number) => ({ latitude: north(metresNorth).lat, longitude: base.lng });
const g = (id: string, over: Partial<DuplicateCandidate>): DuplicateCandidate => ({
  id, trackingCode: `CODE-${id}`, categoryCode: 'noise', description: '夜间工地施工噪音扰民', latitude: base.lat, longitude: base.lng, receivedAt: new Date('2026-11-20'), ...over,
});

describe('geo', () => {
  it('measures distance in metres and boxes the circle', () => {
    expect(distanceMetres(base, north(250))).toBeCloseTo(250, -1);
    const box = boundingBox(base, 250);
    expect(box.minLat).toBeLessThan(base.lat);
    expect(distanceMetres(base, { lat: box.maxLat, lng: base.lng })).toBeCloseTo(250, -1);
  });
});

describe('suggestDuplicates', () => {
  it('finds same-category grievances within the radius and similar texts elsewhere, best first', () => {
    const subject = g('s', { description: '城东工地每天夜里十一点后还在打桩，噪音吵得无法入睡' });
    const near = g('near', { ...offset(300), description: '附近有噪音' });
    const far = g('far', { ...offset(3000), description: '城东工地每天夜里十一点后仍在打桩施工，噪音吵得睡不着' });
    const both = g('both', { ...offset(100), description: '城东工地夜里十一点后打桩，噪音吵得无法入睡' });
    const otherCategory = g('other', { ...offset(10), categoryCode: 'street_lights', description: '路灯坏了' });
    const tooFar = g('toofar', { ...offset(900), description: '狗叫' });
    const result = suggestDuplicates(subject, [near, far, both, otherCategory, tooFar]);
    expect(result.map((r) => r.id)).toEqual(['both', 'far', 'near']);
    expect(result[0].reasons).toEqual(['nearby', 'similar_text']);
    expect(result[2]).toMatchObject({ reasons: ['nearby'], distanceMetres: 300 });
  });

  it('uses the default 250 m for categories without their own radius', () => {
    const subject = g('s', { categoryCode: 'street_lights', description: '路灯不亮' });
    expect(suggestDuplicates(subject, [g('a', { ...offset(240), categoryCode: 'street_lights', description: '桥边黑' })]).map((r) => r.id)).toEqual(['a']);
    expect(suggestDuplicates(subject, [g('b', { ...offset(260), categoryCode: 'street_lights', description: '桥边黑' })])).toEqual([]);
  });
});
