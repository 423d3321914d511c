/*
 * A duplicate merged into its survivor is supervised through the survivor alone: every clock of the
 * duplicate still counting stops with the merge as its cause, at the merge or, for a clock started
 * after it (an assignment applied after the merge), at its own start: never before it (ended-case.ts).
 */

/** The cause every stop of a merged duplicate's clocks records. */
export const mergedCause = (mergedIntoId: string, fact: string) => `merged into ${mergedIntoId}: ${fact}`;
