import { Injectable } from '@nestjs/common';
import {
  SupervisionBookReception,
  SupervisionConcludePublicEvaluation,
  SupervisionGetPublicEvaluation,
  SupervisionListPublicEvaluations,
  SupervisionOpenPublicEvaluation,
  SupervisionReceptionRota,
  SupervisionRecordEvaluationVote,
  SupervisionRecordReception,
  SupervisionRevealReceptionRecord,
  SupervisionScheduleReceptionDay,
  type PublicEvaluationView as PublicEvaluationData,
  type ReceptionAppointmentView as AppointmentData,
  type ReceptionDayView as DayData,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import type { Principal } from '../auth/roles';
import { staffActor } from '../supervision/supervision-access';
import type {
  BookReceptionInput,
  ConcludePublicEvaluationInput,
  OpenPublicEvaluationInput,
  PublicEvaluationsArgs,
  ReceptionRotaArgs,
  RecordEvaluationVoteInput,
  RecordReceptionInput,
  RevealReceptionRecordArgs,
  ScheduleReceptionDayInput,
} from './dto/reception.inputs';
import type { PublicEvaluationConnectionView, PublicEvaluationView, ReceptionAppointmentView, ReceptionDayView, RevealedReceptionRecordView } from './dto/reception.views';

const at = (iso: string) => new Date(iso);
const atOrNull = (iso: string | null) => (iso ? new Date(iso) : null);
const optional = <K extends string, V>(key: K, v: V | undefined | null): Partial<Record<K, V>> => (v === undefined || v === null ? {} : ({ [key]: v } as Record<K, V>));

function toAppointment(a: AppointmentData): ReceptionAppointmentView {
  return {
    ...a,
    receptionDueAt: atOrNull(a.receptionDueAt),
    bookedAt: at(a.bookedAt),
    record: a.record ? { ...a.record, promisedBy: atOrNull(a.record.promisedBy), receivedAt: at(a.record.receivedAt) } : null,
  };
}

function toDay(d: DayData): ReceptionDayView {
  return { ...d, slotStartsAt: at(d.slotStartsAt), appointments: d.appointments.map(toAppointment) };
}

function toEvaluation({ cursor: _cursor, ...e }: PublicEvaluationData & { cursor?: string }): PublicEvaluationView {
  return { ...e, panel: e.panel.map((p) => ({ ...p, votedAt: atOrNull(p.votedAt) })), openedAt: at(e.openedAt), concludedAt: atOrNull(e.concludedAt) };
}

/** The gateway's side of leader reception and public evaluation: acts as the signed-in staff user. */
@Injectable()
export class ReceptionDesk {
  constructor(private readonly rpc: RpcClient) {}

  async rota(a: ReceptionRotaArgs): Promise<ReceptionDayView[]> {
    return (await this.rpc.request(SupervisionReceptionRota, { from: a.from, to: a.to, ...optional('leaderId', a.leaderId) })).map(toDay);
  }

  async schedule(p: Principal, i: ScheduleReceptionDayInput): Promise<ReceptionDayView> {
    const { regionCode, ...rest } = i;
    return toDay(await this.rpc.request(SupervisionScheduleReceptionDay, { ...rest, ...optional('regionCode', regionCode), by: staffActor(p) }));
  }

  async book(p: Principal, i: BookReceptionInput): Promise<ReceptionAppointmentView> {
    return toAppointment(await this.rpc.request(SupervisionBookReception, { receptionDayId: i.receptionDayId, ...optional('grievanceId', i.grievanceId), ...optional('trackingCode', i.trackingCode), by: staffActor(p) }));
  }

  async record(p: Principal, i: RecordReceptionInput): Promise<ReceptionAppointmentView> {
    return toAppointment(
      await this.rpc.request(SupervisionRecordReception, {
        appointmentId: i.appointmentId,
        whoReceived: i.whoReceived,
        ...optional('phone', i.phone),
        ...optional('idNumber', i.idNumber),
        headcount: i.headcount,
        summary: i.summary,
        outcome: i.outcome,
        ...optional('legalAdvice', i.legalAdvice),
        ...optional('promise', i.promise),
        ...optional('promisedBy', i.promisedBy?.toISOString()),
        ...optional('receivedAt', i.receivedAt?.toISOString()),
        by: staffActor(p),
      }),
    );
  }

  /** Who was received, in full: supervision writes the audit record (who, when, which entry, why) with the read. */
  async reveal(p: Principal, a: RevealReceptionRecordArgs): Promise<RevealedReceptionRecordView> {
    const caller = { userId: p.id, role: p.role, orgCode: p.orgCode ?? 'unknown' };
    const r = await this.rpc.request(SupervisionRevealReceptionRecord, { receptionRecordId: a.receptionRecordId, caller, reason: a.reason });
    return { receptionRecordId: r.receptionRecordId, appointmentId: r.appointmentId, auditId: r.auditId, whoReceived: r.whoReceived, phone: r.phone, idNumber: r.idNumber, revealedAt: at(r.revealedAt) };
  }

  async publicEvaluation(id: string): Promise<PublicEvaluationView> {
    return toEvaluation(await this.rpc.request(SupervisionGetPublicEvaluation, { publicEvaluationId: id }));
  }

  /** An account with a region sees the sessions on grievances in its subtree. */
  async publicEvaluations(p: Principal, a: PublicEvaluationsArgs): Promise<PublicEvaluationConnectionView> {
    const page = await this.rpc.request(SupervisionListPublicEvaluations, {
      ...optional('status', a.state),
      ...optional('grievanceId', a.grievanceId),
      ...optional('regionCode', p.regionCode),
      limit: a.first,
      ...optional('cursor', a.after),
    });
    return {
      edges: page.items.map((e) => ({ cursor: e.cursor, node: toEvaluation(e) })),
      pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.items.at(-1)?.cursor ?? null },
    };
  }

  async open(p: Principal, i: OpenPublicEvaluationInput): Promise<PublicEvaluationView> {
    return toEvaluation(
      await this.rpc.request(SupervisionOpenPublicEvaluation, {
        trackingCode: i.trackingCode,
        matter: i.matter,
        panel: i.panel.map((e) => ({ id: e.id, name: e.name, kind: e.kind })),
        ...optional('quorum', i.quorum),
        by: staffActor(p),
      }),
    );
  }

  async vote(p: Principal, i: RecordEvaluationVoteInput): Promise<PublicEvaluationView> {
    return toEvaluation(await this.rpc.request(SupervisionRecordEvaluationVote, { publicEvaluationId: i.publicEvaluationId, evaluatorId: i.evaluatorId, vote: i.vote, ...optional('remarks', i.remarks), by: staffActor(p) }));
  }

  async conclude(p: Principal, i: ConcludePublicEvaluationInput): Promise<PublicEvaluationView> {
    return toEvaluation(await this.rpc.request(SupervisionConcludePublicEvaluation, { publicEvaluationId: i.publicEvaluationId, ...optional('recommendations', i.recommendations), by: staffActor(p) }));
  }
}
