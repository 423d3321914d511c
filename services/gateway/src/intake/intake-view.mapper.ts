import type { CitizenTrackingView, GrievanceRecord, GrievanceStatus, GrievanceSummary, Channel, RegisteredGrievance, RevealedPetitioner } from '@yikouban/contracts';
import type { GrievanceRecordView, GrievanceTrackingView, RegisteredGrievanceView, RevealedPetitionerView } from './dto/intake.views';

/** Intake's wire shapes (ISO strings) to the GraphQL views (dates). Pure. */
export function toRecordView(r: GrievanceRecord): GrievanceRecordView {
  return { ...r, receivedAt: new Date(r.receivedAt) };
}

/** Back to intake's summary shape: what the grievance lookup composes routing's and supervision's facts onto. */
export function toSummary(r: GrievanceRecordView): GrievanceSummary {
  const { id, trackingCode, status, channel, regionCode, categoryCode, headcount, collective, firstTime, repeatOf } = r;
  return { id, trackingCode, status, channel, regionCode, categoryCode, headcount, collective, firstTime, repeatOf, receivedAt: r.receivedAt.toISOString() };
}

export function toRegisteredView(r: RegisteredGrievance): RegisteredGrievanceView {
  return { ...r, receivedAt: new Date(r.receivedAt) };
}

export function toTrackingView(v: CitizenTrackingView): GrievanceTrackingView {
  return {
    trackingCode: v.trackingCode,
    status: v.status as GrievanceStatus,
    channel: v.channel as Channel,
    receivedAt: new Date(v.receivedAt),
    leadUnitName: v.leadUnitName,
    dueAt: v.dueAt ? new Date(v.dueAt) : null,
    timeline: v.timeline.map((t) => ({ at: new Date(t.at), kind: t.kind, detail: JSON.stringify(t.detail) })),
  };
}

export function toRevealedView(r: RevealedPetitioner): RevealedPetitionerView {
  return { ...r, revealedAt: new Date(r.revealedAt) };
}

/** GraphQL sends explicit nulls for left-out optional fields; intake's DTO wants them absent. */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withoutNulls(v)) as T;
  if (value instanceof Date) return value.toISOString() as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[k, withoutNulls(v)]]))) as T;
  }
  return value;
}
