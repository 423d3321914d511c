import { Module } from '@nestjs/common';
import { PublicEvaluationCommands } from './public-evaluation.commands';
import { PublicEvaluationService } from './public-evaluation.service';

/** 阳光信访公开评议: panels, votes and the resulting opinion on contested matters. */
@Module({ controllers: [PublicEvaluationCommands], providers: [PublicEvaluationService] })
export class PublicEvaluationModule {}
