export const DEADLINE_POLICY_ERROR_CODES = [
  /** No policy, national or local, covers the step for this matter. */
  'no_applicable_policy',
  /** Policy data that breaks a rule (see validatePolicies). */
  'invalid_policy',
  /** The policy allows no (further) extension. */
  'extension_not_allowed',
  /** An extension longer than the policy allows, or not a positive amount. */
  'extension_too_long',
] as const;
export type DeadlinePolicyErrorCode = (typeof DEADLINE_POLICY_ERROR_CODES)[number];

export class DeadlinePolicyError extends Error {
  override readonly name = 'DeadlinePolicyError';
  constructor(
    readonly code: DeadlinePolicyErrorCode,
    message: string,
  ) {
    super(message);
  }
}
