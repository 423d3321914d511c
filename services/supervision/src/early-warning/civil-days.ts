/** Beijing civil dates (YYYY-MM-DD) as plain calendar arithmetic: no time zone enters here. */

const DAY_MS = 86_400_000;

/** The date `n` days after (before, when negative) `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
