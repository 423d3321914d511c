import 'reflect-metadata';
import { runDataServiceCommand, runMain } from '@yikouban/service-kit';
import { supervisionService } from './service';

runMain('supervision', () => runDataServiceCommand(supervisionService, process.argv[2] ?? 'migrate').then(() => process.exit(0)));
