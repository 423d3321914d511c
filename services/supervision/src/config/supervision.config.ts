import { DataServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';

export class SupervisionConfig extends DataServiceConfig {
  @portField('SUPERVISION_PORT')
  port = 3004;
}
