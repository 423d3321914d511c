import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal, Role } from '../auth/roles';
import { AcknowledgeEarlyWarningArgs, BulletinLedgerArgs, BulletinsArgs, EarlyWarningFilter, GenerateBulletinArgs } from './dto/bulletin.inputs';
import { BulletinPageView, BulletinView, EarlyWarningPageView, EarlyWarningView, LedgerFileView } from './dto/bulletin.views';
import { BulletinDesk } from './bulletin-desk.service';

/** Oversight and the command centre read alerts, bulletins and ledgers; units do not (county-wide figures). */
export const BULLETIN_ROLES: readonly Role[] = ['supervisor', 'leader', 'administrator', 'command_operator'];
/** Acknowledging an alert means someone acts on it: the command centre and oversight. */
export const EARLY_WARNING_HANDLERS: readonly Role[] = ['command_operator', 'supervisor', 'leader'];

/** 苗头预警 and 通报 / 台账. */
@Resolver()
export class BulletinResolver {
  constructor(private readonly desk: BulletinDesk) {}

  @Allow(...BULLETIN_ROLES)
  @Query(() => EarlyWarningPageView, { description: '苗头预警（最新在前）/ early warnings, newest first' })
  earlyWarnings(@CurrentPrincipal() p: Principal, @Args('filter', { nullable: true }) filter?: EarlyWarningFilter): Promise<EarlyWarningPageView> {
    return this.desk.earlyWarnings(p, filter ?? {});
  }

  @Allow(...EARLY_WARNING_HANDLERS)
  @Mutation(() => EarlyWarningView, { description: '签收苗头预警（重复签收不变）/ acknowledge an early warning' })
  acknowledgeEarlyWarning(@CurrentPrincipal() p: Principal, @Args() a: AcknowledgeEarlyWarningArgs): Promise<EarlyWarningView> {
    return this.desk.acknowledge(p, a);
  }

  @Allow(...BULLETIN_ROLES)
  @Query(() => BulletinPageView, { description: '通报（期间最新在前）/ bulletins, newest period first' })
  bulletins(@Args() a: BulletinsArgs): Promise<BulletinPageView> {
    return this.desk.bulletins(a);
  }

  @Allow(...BULLETIN_ROLES)
  @Mutation(() => BulletinView, { description: '立即生成通报（期间未结束时为临时通报）/ generate a bulletin now' })
  generateBulletin(@CurrentPrincipal() p: Principal, @Args() a: GenerateBulletinArgs): Promise<BulletinView> {
    return this.desk.generate(p, a);
  }

  @Allow(...BULLETIN_ROLES)
  @Query(() => LedgerFileView, { description: '下载通报台账（CSV 或 XLSX，base64）/ a bulletin’s ledger file' })
  bulletinLedger(@Args() a: BulletinLedgerArgs): Promise<LedgerFileView> {
    return this.desk.ledger(a);
  }
}
