import { Expose, Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { DataServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';

export class SupervisionConfig extends DataServiceConfig {
  @portField('SUPERVISION_PORT')
  port = 3004;

  /** How often due warnings and breaches are looked for (ms); 0 turns the sweeper off (tests sweep by hand). */
  @Expose({ name: 'SUPERVISION_SWEEP_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  sweepIntervalMs = 1000;

  /** How often bulletins that have come due are looked for (ms); 0 turns the schedule off (tests generate by hand). */
  @Expose({ name: 'SUPERVISION_BULLETIN_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  bulletinIntervalMs = 60_000;
}
