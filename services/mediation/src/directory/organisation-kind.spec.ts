import { MEDIATION_ORGANISATION_KINDS, ORGANISATION_KINDS } from '@yikouban/contracts';
import { mediationKindOf } from './organisation-kind';

describe("mediationKindOf: routing's organisation kinds as mediation sees them", () => {
  it.each([
    ['petition_bureau', 'petition_office'],
    ['command_centre', 'petition_office'],
    ['department', 'petition_office'],
    ['town_government', 'petition_office'],
    ['village_committee', 'petition_office'],
    ['court', 'court'],
    ['procuratorate', 'procuratorate'],
    ['police_station', 'police_station'],
    ['mediation_committee', 'people_mediation_committee'],
    ['lawyer_mediation_room', 'lawyer_mediation_room'],
    ['joint_conference', null],
    ['discipline_commission', null],
  ] as const)('%s → %s', (routingKind, mediationKind) => {
    expect(mediationKindOf(routingKind)).toBe(mediationKind);
  });

  it('answers every kind routing has, with a kind mediation stores', () => {
    for (const kind of ORGANISATION_KINDS) {
      const mapped = mediationKindOf(kind);
      expect(mapped === null || (MEDIATION_ORGANISATION_KINDS as readonly string[]).includes(mapped)).toBe(true);
    }
  });
});
