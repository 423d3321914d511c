import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DataServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';

export class MediationConfig extends DataServiceConfig {
  @portField('MEDIATION_PORT')
  port = 3003;

  /**
   * How long mediation waits for routing's answer when it copies a changed organisation; past it
   * the `routing.directory.changed` fact is redelivered later.
   */
  @Expose({ name: 'MEDIATION_ROUTING_TIMEOUT_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  routingTimeoutMs = 5000;
}
