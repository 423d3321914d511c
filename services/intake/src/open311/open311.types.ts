/**
 * GeoReport v2 resources, field for field as the spec names them (wiki.open311.org/GeoReport_v2).
 * Type aliases, not interfaces, so they fit the XML writer's index-signature type.
 */

export type Open311Service = {
  service_code: string;
  service_name: string;
  description: string;
  /** True when `services/{code}` has attributes to fill in. */
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  /** Comma-separated. */
  keywords: string;
  group: string;
};

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export type Open311AttributeValue = {
  key: string;
  name: string;
};

export type Open311Attribute = {
  /** False for an informational attribute that takes no input. */
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: Open311AttributeValue[];
};

export type Open311ServiceDefinition = {
  service_code: string;
  attributes: Open311Attribute[];
};

export type Open311PostResponse = {
  service_request_id: string;
  /** For `tokens/{token}`; we answer synchronously, so the id is already here too. */
  token?: string;
  service_notice: string | null;
  account_id: string | null;
};

export type Open311Request = {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string | null;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};

export type Open311TokenAnswer = {
  token: string;
  service_request_id: string;
};

export type Open311Discovery = {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: {
    specification: string;
    url: string;
    changeset: string;
    type: 'production' | 'test';
    formats: string[];
  }[];
};
