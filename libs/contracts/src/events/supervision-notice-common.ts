/*
 * The vocabulary of supervision notices (督办单): who issues them, where one stands, and what the
 * issuer decided about the unit's written response. Shared by supervision and its callers.
 */

/** 联席办 / 纪委监委 / 督查室: the body that issues the notice. */
export const NOTICE_LEVELS = ['joint_office', 'discipline_commission', 'supervision_office'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

/**
 * issued: waiting for the unit's written response; responded: waiting for the issuer;
 * rejected: the issuer sent the response back, a new one is due; accepted: done (挂牌督办 摘牌).
 */
export const NOTICE_STATES = ['issued', 'responded', 'rejected', 'accepted'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

export const NOTICE_VERDICTS = ['accepted', 'rejected'] as const;
export type NoticeVerdict = (typeof NOTICE_VERDICTS)[number];
