import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IntakeRegisterGrievance, IntakeTrackGrievance, IntakeWithdrawGrievance, type RegisterGrievance } from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { Public } from '../auth/allow.decorator';
import { RateLimited } from '../auth/rate-limited.decorator';
import { SubmitGrievanceArgs, TrackingArgs, WithdrawArgs } from './dto/intake.args';
import { GrievanceTrackingView, SubmittedGrievanceView } from './dto/intake.views';
import { toTrackingView, withoutNulls } from './intake-view.mapper';

/**
 * The citizen portal's side: submit online, follow with code + secret, withdraw. Public: the
 * secret is the credential, and intake answers a wrong one exactly like an unknown code.
 * Rate-limited per client address (GATEWAY_PUBLIC_REQUESTS_PER_MINUTE): guessing secrets and
 * flooding the intake desk both stop at TOO_MANY_REQUESTS.
 */
@Resolver()
export class CitizenIntakeResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Public()
  @RateLimited('public')
  @Mutation(() => SubmittedGrievanceView, { description: '网上提交诉求 / submit a grievance online; keep the tracking code and secret' })
  async submitGrievance(@Args() args: SubmitGrievanceArgs): Promise<SubmittedGrievanceView> {
    const input = withoutNulls(args.input) as Omit<RegisterGrievance, 'channel'>;
    const r = await this.rpc.request(IntakeRegisterGrievance, { ...input, channel: 'web' });
    return { trackingCode: r.trackingCode, secret: r.secret, receivedAt: new Date(r.receivedAt) };
  }

  @Public()
  @RateLimited('public')
  @Query(() => GrievanceTrackingView, { description: '凭受理编号和查询密码查看办理进程 / follow a grievance with its code and secret (public timeline only)' })
  async trackGrievance(@Args() args: TrackingArgs): Promise<GrievanceTrackingView> {
    return toTrackingView(await this.rpc.request(IntakeTrackGrievance, { trackingCode: args.trackingCode, secret: args.secret }));
  }

  @Public()
  @RateLimited('public')
  @Mutation(() => GrievanceTrackingView, { description: '撤回诉求 / withdraw a grievance (code, secret and a reason)' })
  async withdrawGrievance(@Args() args: WithdrawArgs): Promise<GrievanceTrackingView> {
    return toTrackingView(await this.rpc.request(IntakeWithdrawGrievance, { trackingCode: args.trackingCode, secret: args.secret, reason: args.reason }));
  }
}
