export type RegionLevel = 'city' | 'county' | 'town' | 'village' | 'grid';

export interface RegionSeed {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export type OrganisationKind =
  | 'petition_bureau'
  | 'command_centre'
  | 'department'
  | 'town_government'
  | 'village_committee'
  | 'court'
  | 'procuratorate'
  | 'police_station'
  | 'mediation_committee'
  | 'lawyer_mediation_room'
  | 'joint_conference'
  | 'discipline_commission';

/** County departments by duty (分管职责): the classification list names these types, not units. */
export type DepartmentType =
  | 'human_resources'
  | 'housing'
  | 'natural_resources'
  | 'agriculture'
  | 'ecology'
  | 'education'
  | 'health'
  | 'market_regulation'
  | 'transport'
  | 'public_security'
  | 'civil_affairs'
  | 'justice'
  | 'water'
  | 'urban_management'
  | 'emergency'
  | 'finance'
  | 'political_legal'
  | 'discipline'
  | 'petition'
  | 'veterans_affairs'
  | 'medical_insurance';

export interface OrganisationSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: OrganisationKind;
  regionCode: string;
  departmentType?: DepartmentType;
}
