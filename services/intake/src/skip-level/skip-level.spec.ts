import { competentLevelOf } from './competent-level';
import { judgeSkipLevel } from './skip-level';

describe('competentLevelOf', () => {
  it.each([
    ['330621101201001', 'town', '330621101'],
    ['330621101201', 'town', '330621101'],
    ['330621101', 'town', '330621101'],
    ['330621', 'county', '330621'],
    ['330600', 'city', '330600'],
    ['330000', 'province', '330000'],
  ])('%s belongs to the %s level (%s)', (code, level, regionCode) => {
    expect(competentLevelOf(code)).toEqual({ level, regionCode });
  });

  it('knows no level for codes in another style', () => {
    expect(competentLevelOf('town_b')).toBeNull();
    expect(competentLevelOf('3306211')).toBeNull();
  });
});

describe('judgeSkipLevel', () => {
  const village = '330621103201';

  it('flags a village matter brought first to the county petition bureau', () => {
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: 'county', earlierLevels: [] })).toEqual({ receivedAtLevel: 'county', competentLevel: 'town', competentRegionCode: '330621103' });
  });

  it('flags a town matter brought first to the city, skipping town and county', () => {
    expect(judgeSkipLevel({ regionCode: '330621103', receivedAtLevel: 'city', earlierLevels: [] })).toMatchObject({ competentLevel: 'town' });
  });

  it('does not flag a matter received at its own level or below', () => {
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: 'town', earlierLevels: [] })).toBeNull();
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: 'village', earlierLevels: [] })).toBeNull();
    expect(judgeSkipLevel({ regionCode: '330621', receivedAtLevel: 'county', earlierLevels: [] })).toBeNull();
  });

  it('does not flag when the petitioner went to a lower level first (逐级走访)', () => {
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: 'county', earlierLevels: ['town'] })).toBeNull();
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: 'city', earlierLevels: ['county'] })).toBeNull();
  });

  it('gives the benefit of the doubt to an earlier record whose level was not noted', () => {
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: 'county', earlierLevels: [null] })).toBeNull();
  });

  it('still flags when the earlier record is at the same level or above', () => {
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: 'county', earlierLevels: ['county', 'city'] })).not.toBeNull();
  });

  it('decides nothing without a receiving level or for an unknown region style', () => {
    expect(judgeSkipLevel({ regionCode: village, receivedAtLevel: null, earlierLevels: [] })).toBeNull();
    expect(judgeSkipLevel({ regionCode: 'town_b', receivedAtLevel: 'province', earlierLevels: [] })).toBeNull();
  });
});
