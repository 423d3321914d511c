import 'reflect-metadata';
import { runDataService, runMain } from '@yikouban/service-kit';
import { routingService } from './service';

runMain('routing', () => runDataService(routingService));
