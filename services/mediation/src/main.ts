import 'reflect-metadata';
import { runDataService, runMain } from '@yikouban/service-kit';
import { mediationService } from './service';

runMain('mediation', () => runDataService(mediationService));
