import 'reflect-metadata';
import { runDataService, runMain } from '@yikouban/service-kit';
import { supervisionService } from './service';

runMain('supervision', () => runDataService(supervisionService));
