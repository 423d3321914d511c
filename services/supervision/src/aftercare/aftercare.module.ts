import { Module } from '@nestjs/common';
import { AftercareCommands } from './aftercare.commands';
import { AftercareService } from './aftercare.service';
import { AssignmentRepliedHandler } from './reply.handler';

export const AFTERCARE_EVENT_HANDLERS = [AssignmentRepliedHandler];

/** After the reply: return visits, evaluations, closure, 复查 and 复核. */
@Module({ controllers: [AftercareCommands], providers: [AftercareService, ...AFTERCARE_EVENT_HANDLERS], exports: [AftercareService] })
export class AftercareModule {}
