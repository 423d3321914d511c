import { DataServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';

export class RoutingConfig extends DataServiceConfig {
  @portField('ROUTING_PORT')
  port = 3002;
}
