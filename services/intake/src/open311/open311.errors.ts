/** One entry of the spec's error list: `[{ "code": 400, "description": "…" }]`. */
export interface Open311ErrorItem {
  code: number;
  description: string;
}

/**
 * An answer in GeoReport v2's own error format. The HTTP status is also each entry's code, as in
 * the spec's examples (`<error><code>403</code>…`). Descriptions are Chinese first, then English.
 */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: readonly string[],
  ) {
    super(descriptions.join(' | '));
    this.name = 'Open311Error';
  }

  get items(): Open311ErrorItem[] {
    return this.descriptions.map((description) => ({ code: this.status, description }));
  }

  static badRequest(...descriptions: string[]): Open311Error {
    return new Open311Error(400, descriptions);
  }
  static forbidden(description: string): Open311Error {
    return new Open311Error(403, [description]);
  }
  static notFound(description: string): Open311Error {
    return new Open311Error(404, [description]);
  }
}

/** The service list lives in routing; without it we cannot say which services exist. */
export class CatalogueUnavailableError extends Error {
  constructor(cause: string) {
    super(`category catalogue unavailable: ${cause}`);
    this.name = 'CatalogueUnavailableError';
  }
}
