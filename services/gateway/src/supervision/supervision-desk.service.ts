import { Injectable } from '@nestjs/common';
import {
  IntakeGetGrievance,
  IntakeTrackGrievance,
  RoutingListAssignments,
  SupervisionAnswerReview,
  SupervisionCaseDeadlines,
  SupervisionCloseGrievance,
  SupervisionGetAftercare,
  SupervisionIndicators,
  SupervisionOverdueBoard,
  SupervisionRecordEvaluation,
  SupervisionRequestReview,
  SupervisionRequestRework,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import type { Principal } from '../auth/roles';
import type {
  AnswerReviewInput,
  CloseGrievanceInput,
  EvaluateGrievanceInput,
  EvaluateMyGrievanceInput,
  IndicatorFilter,
  OverdueBoardFilter,
  RequestMyReviewInput,
  RequestReviewInput,
  RequestReworkInput,
} from './dto/supervision.inputs';
import type { AftercareView, CaseDeadlineView, IndicatorRowView, MyAftercareView, OverdueBoardPageView } from './dto/supervision.views';
import { scopedFilter, staffActor } from './supervision-access';
import { toAftercare, toBoardPage, toCaseDeadline, toIndicatorRow, toMyAftercare } from './supervision-view.mapper';

const optional = <K extends string, V>(key: K, v: V | undefined | null): Partial<Record<K, V>> => (v === undefined || v === null ? {} : ({ [key]: v } as Record<K, V>));

/** The gateway's side of supervision: scopes each call to the caller and asks the services. */
@Injectable()
export class SupervisionDesk {
  constructor(private readonly rpc: RpcClient) {}

  /** Deadlines and warnings of one case; a unit sees only cases assigned to it. */
  async deadlines(p: Principal, trackingCode: string): Promise<CaseDeadlineView[]> {
    const grievanceId = await this.caseFor(p, trackingCode);
    return (await this.rpc.request(SupervisionCaseDeadlines, { grievanceId })).map(toCaseDeadline);
  }

  async aftercare(p: Principal, trackingCode: string): Promise<AftercareView> {
    await this.caseFor(p, trackingCode);
    return toAftercare(await this.rpc.request(SupervisionGetAftercare, { trackingCode }));
  }

  async overdueBoard(p: Principal, f: OverdueBoardFilter): Promise<OverdueBoardPageView> {
    const s = scopedFilter(p, f, 'filter');
    return toBoardPage(await this.rpc.request(SupervisionOverdueBoard, { ...optional('regionCode', s.regionCode), ...optional('orgCode', s.orgCode), ...optional('kind', s.kind), ...optional('limit', s.limit), ...optional('cursor', s.cursor) }));
  }

  async indicators(p: Principal, f: IndicatorFilter): Promise<IndicatorRowView[]> {
    const s = scopedFilter(p, f, 'filter');
    const rows = await this.rpc.request(SupervisionIndicators, {
      from: s.from,
      to: s.to,
      ...optional('regionCode', s.regionCode),
      ...optional('orgCode', s.orgCode),
      ...optional('categoryCode', s.categoryCode),
      ...optional('groupBy', s.groupBy),
    });
    return rows.map(toIndicatorRow);
  }

  async evaluate(p: Principal, i: EvaluateGrievanceInput): Promise<AftercareView> {
    return toAftercare(await this.rpc.request(SupervisionRecordEvaluation, { trackingCode: i.trackingCode, result: i.result, resolved: i.resolved, channel: i.channel, ...optional('comment', i.comment), by: staffActor(p) }));
  }

  async rework(p: Principal, i: RequestReworkInput): Promise<AftercareView> {
    return toAftercare(await this.rpc.request(SupervisionRequestRework, { trackingCode: i.trackingCode, reason: i.reason, by: staffActor(p) }));
  }

  async close(p: Principal, i: CloseGrievanceInput): Promise<AftercareView> {
    return toAftercare(await this.rpc.request(SupervisionCloseGrievance, { trackingCode: i.trackingCode, ceaseCommitment: i.ceaseCommitment, ...optional('note', i.note), by: staffActor(p) }));
  }

  async requestReview(p: Principal, i: RequestReviewInput): Promise<AftercareView> {
    return toAftercare(await this.rpc.request(SupervisionRequestReview, { trackingCode: i.trackingCode, reason: i.reason, ...optional('level', i.level), ...optional('requestedAt', i.requestedAt), by: staffActor(p) }));
  }

  async answerReview(p: Principal, i: AnswerReviewInput): Promise<AftercareView> {
    return toAftercare(await this.rpc.request(SupervisionAnswerReview, { trackingCode: i.trackingCode, conclusion: i.conclusion, opinion: i.opinion, by: staffActor(p) }));
  }

  /** The citizen: intake checks the code and secret (it alone keeps the secret) before supervision is asked. */
  async evaluateMine(i: EvaluateMyGrievanceInput): Promise<MyAftercareView> {
    await this.rpc.request(IntakeTrackGrievance, { trackingCode: i.trackingCode, secret: i.secret });
    return toMyAftercare(
      await this.rpc.request(SupervisionRecordEvaluation, { trackingCode: i.trackingCode, result: i.result, resolved: i.resolved, channel: 'citizen_portal', ...optional('comment', i.comment), by: { kind: 'citizen' } }),
    );
  }

  async requestMyReview(i: RequestMyReviewInput): Promise<MyAftercareView> {
    await this.rpc.request(IntakeTrackGrievance, { trackingCode: i.trackingCode, secret: i.secret });
    return toMyAftercare(await this.rpc.request(SupervisionRequestReview, { trackingCode: i.trackingCode, reason: i.reason, ...optional('level', i.level), by: { kind: 'citizen' } }));
  }

  /** The grievance behind a tracking code; a unit only when one of its assignments is on it. */
  private async caseFor(p: Principal, trackingCode: string): Promise<string> {
    const g = await this.rpc.request(IntakeGetGrievance, { trackingCode });
    if (p.role === 'unit_staff') {
      const assignments = await this.rpc.request(RoutingListAssignments, { grievanceId: g.id });
      if (!p.orgCode || !assignments.some((a) => a.orgCode === p.orgCode)) {
        throw new DomainError('FORBIDDEN', 'other_unit: 该事项未交办本单位 / this grievance is not assigned to your unit');
      }
    }
    return g.id;
  }
}
