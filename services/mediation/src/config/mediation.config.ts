import { DataServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';

export class MediationConfig extends DataServiceConfig {
  @portField('MEDIATION_PORT')
  port = 3003;
}
