import type { MediationOrganisationKindName, OrganisationKindName } from '@yikouban/contracts';

/**
 * What an organisation of routing's directory is to mediation, or null when it takes no part in
 * handoffs. Every unit that can hold a petition case and so send a 访调 — the petition bureau,
 * the command centre, departments, town governments, village committees — is a `petition_office`.
 * The joint conference office and the discipline commission supervise petition work but never hold
 * a case, so they neither send nor receive. Routing has no kind for a specially invited
 * (professional) mediation organisation: those stay mediation's own.
 */
export function mediationKindOf(kind: OrganisationKindName): MediationOrganisationKindName | null {
  switch (kind) {
    case 'petition_bureau':
    case 'command_centre':
    case 'department':
    case 'town_government':
    case 'village_committee':
      return 'petition_office';
    case 'court':
      return 'court';
    case 'procuratorate':
      return 'procuratorate';
    case 'police_station':
      return 'police_station';
    case 'mediation_committee':
      return 'people_mediation_committee';
    case 'lawyer_mediation_room':
      return 'lawyer_mediation_room';
    case 'joint_conference':
    case 'discipline_commission':
      return null;
  }
}
