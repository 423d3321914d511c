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
