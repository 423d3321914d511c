import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  IntakeGetGrievance,
  IntakeGetGrievanceById,
  IntakeListGrievances,
  IntakeRegisterGrievance,
  IntakeRevealPetitioner,
  type GrievancePage,
  type GrievanceRecord,
  type GrievanceSummary,
  type RegisteredGrievance,
  type RevealedPetitioner,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { PetitionerReveal } from '../petitioner/petitioner-reveal.service';
import { GrievanceReader } from './grievance-reader.service';
import { GrievanceService } from './grievance.service';

/** Request/reply queries and commands other services (the gateway) send over NATS. */
@Controller()
export class GrievanceQueries {
  constructor(
    private readonly grievances: GrievanceService,
    private readonly reader: GrievanceReader,
    private readonly reveals: PetitionerReveal,
  ) {}

  @MessagePattern(IntakeGetGrievance.subject)
  async get(@Payload() data: unknown): Promise<GrievanceSummary> {
    const { trackingCode } = await validQuery(IntakeGetGrievance, data);
    return this.grievances.summaryByTrackingCode(trackingCode);
  }

  /** The same DTO and service as POST /api/v1/grievances: one door, whatever the transport. */
  @MessagePattern(IntakeRegisterGrievance.subject)
  async register(@Payload() data: unknown): Promise<RegisteredGrievance> {
    return this.grievances.register(await validQuery(IntakeRegisterGrievance, data));
  }

  @MessagePattern(IntakeGetGrievanceById.subject)
  async byId(@Payload() data: unknown): Promise<GrievanceRecord> {
    const q = await validQuery(IntakeGetGrievanceById, data);
    return this.reader.byId(q.grievanceId, q.viewerRole);
  }

  @MessagePattern(IntakeListGrievances.subject)
  async list(@Payload() data: unknown): Promise<GrievancePage> {
    return this.reader.list(await validQuery(IntakeListGrievances, data));
  }

  @MessagePattern(IntakeRevealPetitioner.subject)
  async reveal(@Payload() data: unknown): Promise<RevealedPetitioner> {
    return this.reveals.reveal(await validQuery(IntakeRevealPetitioner, data));
  }
}
