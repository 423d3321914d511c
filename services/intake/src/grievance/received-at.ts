import { DomainError } from '@yikouban/service-kit';

/** A receipt may be backfilled at most this far back (a year of paper letters), never into the future. */
const OLDEST_BACKFILL_MS = 366 * 86_400_000;
/** Clocks of two machines differ a little; a receipt "now" from a channel adapter is not the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

const bad = (problem: string, message: string) => new DomainError('BAD_REQUEST', message, [{ field: 'receivedAt', problems: [problem] }]);

/**
 * When the grievance reached the organ: a letter arrives before it is registered, and paper records
 * are backfilled later. Its statutory periods count from that day (信访工作条例 第二十二条), so a past
 * receipt is kept; one in the future or older than a year is refused.
 */
export function receiptInstant(receivedAt: string | undefined, now: Date): Date {
  if (receivedAt === undefined) return now;
  const at = new Date(receivedAt);
  if (Number.isNaN(at.getTime())) throw bad('not a date', 'receivedAt 不是有效时间 / receivedAt is not a date');
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw bad('in the future', 'receivedAt 不能晚于当前时间 / receivedAt lies in the future');
  if (at.getTime() < now.getTime() - OLDEST_BACKFILL_MS) throw bad('older than a year', 'receivedAt 不能早于一年前 / receivedAt is more than a year ago');
  return at;
}
