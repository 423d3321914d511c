import { Injectable } from '@nestjs/common';
import { RoutingListOrganisations, RoutingRegionTree } from '@yikouban/contracts';
import { RpcCallError, RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';

/**
 * A staff account belongs to an organisation and sees a region subtree; both must exist in
 * routing's directory (the organisation still active), or the user could sign in to an empty
 * or wrong view.
 */
@Injectable()
export class UserPlacement {
  constructor(private readonly rpc: RpcClient) {}

  async assertKnown(orgCode: string | undefined, regionCode: string | undefined): Promise<void> {
    if (orgCode !== undefined) {
      const [org] = await this.rpc.request(RoutingListOrganisations, { codes: [orgCode] });
      if (!org) throw new DomainError('BAD_REQUEST', `单位 ${orgCode} 不存在或已停用 / no active organisation ${orgCode}`, [{ field: 'orgCode', problems: ['unknown_organisation'] }]);
    }
    if (regionCode !== undefined) {
      try {
        await this.rpc.request(RoutingRegionTree, { rootCode: regionCode, depth: 0 });
      } catch (err) {
        if (err instanceof RpcCallError && err.code === 'NOT_FOUND') {
          throw new DomainError('BAD_REQUEST', `区划 ${regionCode} 不存在 / no region ${regionCode}`, [{ field: 'regionCode', problems: ['unknown_region'] }]);
        }
        throw err;
      }
    }
  }
}
