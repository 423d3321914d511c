import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RoutingDecideJurisdiction, RoutingOverrideTriage, RoutingRedirectGrievance, type DisputeView, type RedirectView, type TriageView } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { CommandCentreService } from './command-centre.service';
import { JurisdictionDecisionService } from './jurisdiction-decision.service';
import { TriageOverrideService } from './triage-override.service';

/** Commands on a whole grievance: triage override, redirection, jurisdiction decision. */
@Controller()
export class GrievanceCommands {
  constructor(
    private readonly triage: TriageOverrideService,
    private readonly centre: CommandCentreService,
    private readonly jurisdiction: JurisdictionDecisionService,
  ) {}

  @MessagePattern(RoutingOverrideTriage.subject)
  async overrideTriage(@Payload() data: unknown): Promise<TriageView> {
    return this.triage.override(await validQuery(RoutingOverrideTriage, data));
  }

  @MessagePattern(RoutingRedirectGrievance.subject)
  async redirect(@Payload() data: unknown): Promise<RedirectView> {
    return this.centre.redirect(await validQuery(RoutingRedirectGrievance, data));
  }

  @MessagePattern(RoutingDecideJurisdiction.subject)
  async decideJurisdiction(@Payload() data: unknown): Promise<DisputeView> {
    return this.jurisdiction.decide(await validQuery(RoutingDecideJurisdiction, data));
  }
}
