import { GRIEVANCE_STATUSES, type GrievanceStatus } from '@yikouban/contracts';

/** GeoReport v2 knows two states; ours are finer. */
export type Open311Status = 'open' | 'closed';
export const OPEN311_STATUSES: readonly Open311Status[] = ['open', 'closed'];

/** A matter is finished for the reporter once it is closed (办结) or they withdrew it (撤回). */
const FINISHED: ReadonlySet<GrievanceStatus> = new Set<GrievanceStatus>(['closed', 'withdrawn']);

export function toOpen311Status(status: GrievanceStatus): Open311Status {
  return FINISHED.has(status) ? 'closed' : 'open';
}

/** Our statuses that read as the given Open311 status (for the `status` filter). */
export function grievanceStatusesFor(status: Open311Status): GrievanceStatus[] {
  return GRIEVANCE_STATUSES.filter((s) => toOpen311Status(s) === status);
}

/** What `status_notes` says about each stage: more than open/closed conveys. */
const STAGE_NOTES: Readonly<Record<GrievanceStatus, string>> = {
  received: '已受理，正在分办 (received; being routed to a handling unit)',
  assigned: '已交办承办单位 (assigned to a handling unit)',
  in_progress: '承办单位正在办理 (being handled)',
  replied: '承办单位已答复，待回访评价 (replied; awaiting the return visit and evaluation)',
  closed: '已办结 (closed)',
  withdrawn: '信访人已撤回 (withdrawn by the petitioner)',
};

/** status_notes: the stage, and for a withdrawal the reason the petitioner gave. */
export function statusNotes(status: GrievanceStatus, withdrawnReason: string | null): string {
  const note = STAGE_NOTES[status];
  return status === 'withdrawn' && withdrawnReason?.trim() ? `${note}：${withdrawnReason.trim()}` : note;
}
