import { isDemoSecret } from './demo-identities';

/**
 * The password policy for staff accounts an administrator creates or resets: 12 to 128
 * characters, at least one letter and one digit, not containing the user name, and not one of
 * the published demo passwords. Length over composition rules (NIST SP 800-63B); argon2 keeps
 * the rest expensive to guess.
 */
export const PASSWORD_POLICY = '密码须为 12–128 个字符，至少含一个字母和一个数字，不得包含用户名，不得使用演示密码 / 12–128 characters, at least one letter and one digit, not containing the user name, not a published demo password';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** What is wrong with a proposed password, as short codes; empty when it meets the policy. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/\p{L}/u.test(password)) problems.push('needs_a_letter');
  if (!/\p{Nd}/u.test(password)) problems.push('needs_a_digit');
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push('contains_username');
  if (isDemoSecret(password)) problems.push('published_demo_password');
  return problems;
}
