export type RoutingErrorCode = 'invalid_input' | 'no_county' | 'missing_department' | 'missing_town_government' | 'invalid_version';

/** A routing input or a rule-building request that cannot be honoured; the message says why. */
export class RoutingError extends Error {
  constructor(
    readonly code: RoutingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RoutingError';
  }
}
