import { Expose } from 'class-transformer';
import { IsIn } from 'class-validator';
import { DataServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';
import { COLOUR_POLICIES } from '../triage/colour-policy';

export class RoutingConfig extends DataServiceConfig {
  @portField('ROUTING_PORT')
  port = 3002;

  /** Which four-colour scheme this jurisdiction uses (四色预警 is policy, not code). */
  @Expose({ name: 'ROUTING_COLOUR_POLICY' })
  @IsIn(Object.keys(COLOUR_POLICIES))
  colourPolicy = 'urgency_rybg';
}
