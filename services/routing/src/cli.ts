import 'reflect-metadata';
import { runDataServiceCommand, runMain } from '@yikouban/service-kit';
import { routingService } from './service';

runMain('routing', () => runDataServiceCommand(routingService, process.argv[2] ?? 'migrate').then(() => process.exit(0)));
