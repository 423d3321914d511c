import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { HandoffFactBase } from './mediation-common';

/** A court confirmed a mediation agreement (司法确认): it is now enforceable. */
export class AgreementConfirmedV1 extends HandoffFactBase {
  @IsUUID() agreementId: string;
  @Matches(CODE_PATTERN) courtOrgCode: string;
  @IsISO8601() decidedAt: string;
}

export const AgreementConfirmed = defineEvent('mediation.agreement.confirmed', 1, AgreementConfirmedV1);
