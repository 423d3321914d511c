import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SupervisionBookReception,
  SupervisionReceptionRota,
  SupervisionRecordReception,
  SupervisionRevealReceptionRecord,
  SupervisionScheduleReceptionDay,
  type ReceptionAppointmentView,
  type ReceptionDayView,
  type RevealedReceptionRecord,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { LedgerReveal } from './ledger-reveal';
import { ReceptionService } from './reception.service';

/** Request/reply door of leader reception (the gateway asks; refusals carry their code). */
@Controller()
export class ReceptionCommands {
  constructor(
    private readonly reception: ReceptionService,
    private readonly ledger: LedgerReveal,
  ) {}

  @MessagePattern(SupervisionReceptionRota.subject)
  async rota(@Payload() data: unknown): Promise<ReceptionDayView[]> {
    return this.reception.rota(await validQuery(SupervisionReceptionRota, data));
  }

  @MessagePattern(SupervisionScheduleReceptionDay.subject)
  async schedule(@Payload() data: unknown): Promise<ReceptionDayView> {
    return this.reception.schedule(await validQuery(SupervisionScheduleReceptionDay, data));
  }

  @MessagePattern(SupervisionBookReception.subject)
  async book(@Payload() data: unknown): Promise<ReceptionAppointmentView> {
    return this.reception.book(await validQuery(SupervisionBookReception, data));
  }

  @MessagePattern(SupervisionRecordReception.subject)
  async record(@Payload() data: unknown): Promise<ReceptionAppointmentView> {
    return this.reception.record(await validQuery(SupervisionRecordReception, data));
  }
  /** Who was received, in full; audited. */
  @MessagePattern(SupervisionRevealReceptionRecord.subject)
  async reveal(@Payload() data: unknown): Promise<RevealedReceptionRecord> {
    return this.ledger.reveal(await validQuery(SupervisionRevealReceptionRecord, data));
  }
}
