import 'reflect-metadata';
import { runDataServiceCommand, runMain } from '@yikouban/service-kit';
import { mediationService } from './service';

runMain('mediation', () => runDataServiceCommand(mediationService, process.argv[2] ?? 'migrate').then(() => process.exit(0)));
