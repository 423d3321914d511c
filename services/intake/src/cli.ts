import 'reflect-metadata';
import { runDataServiceCommand, runMain } from '@yikouban/service-kit';
import { intakeService } from './service';

runMain('intake', () => runDataServiceCommand(intakeService, process.argv[2] ?? 'migrate').then(() => process.exit(0)));
