export const CHANNELS = [
  'walk_in', 'letter', 'hotline_12345', 'web', 'mini_program', 'wechat', 'sms', 'weibo', 'qq',
  'mailbox_secretary', 'mailbox_mayor', 'video', 'grid_report', 'police_110', 'open311',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Lifecycle the citizen and the board see; each service moves its own part of it. */
export const GRIEVANCE_STATUSES = ['received', 'assigned', 'in_progress', 'replied', 'closed', 'withdrawn'] as const;
export type GrievanceStatus = (typeof GRIEVANCE_STATUSES)[number];

export const ASSIGNMENT_ROLES = ['lead', 'co'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/** Region and category codes: lowercase/digits, as the directory and classification list define them. */
export const CODE_PATTERN = /^[a-z0-9_]{1,40}$/;
export const TRACKING_CODE_PATTERN = /^[A-Z0-9-]{6,40}$/;

/**
 * Words that mean life or property is at risk now (接诉即办条例 第十一条: emergencies → 110).
 * Intake reports which ones a text contains, so routing can triage without receiving the text.
 */
export const EMERGENCY_TERMS = ['跳楼', '自杀', '轻生', '服毒', '起火', '着火', '火灾', '爆炸', '煤气泄漏', '燃气泄漏', '持刀', '斗殴', '被困', '溺水', '塌方'] as const;

export function emergencyTermsIn(text: string): string[] {
  return EMERGENCY_TERMS.filter((t) => text.includes(t));
}
