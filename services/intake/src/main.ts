import 'reflect-metadata';
import { runDataService, runMain } from '@yikouban/service-kit';
import { intakeService } from './service';

runMain('intake', () => runDataService(intakeService));
