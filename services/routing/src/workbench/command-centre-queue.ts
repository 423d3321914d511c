import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { QUEUE_STATUSES, RoutingAssignmentQueue, type AssignmentPage, type AssignmentQueue } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { DirectoryCache } from '../directory/directory-cache';
import { assignmentPage } from './assignment-page';
import { refusal } from './workbench-errors';

/**
 * The command centre's queue: assignments of every unit that were returned as misrouted (to
 * reassign) or that units dispute (for the common superior or the joint conference), within the
 * operator's region. Same keyset order and cursor as a unit's inbox.
 */
@Injectable()
export class CommandCentreQueue {
  constructor(
    private readonly db: DataSource,
    private readonly directory: DirectoryCache,
  ) {}

  async page(q: AssignmentQueue): Promise<AssignmentPage> {
    const args: unknown[] = [q.status?.length ? q.status : [...QUEUE_STATUSES]];
    const arg = (v: unknown) => `$${args.push(v)}`;
    const where = ['a.status = ANY ($1)'];
    if (q.regionCode !== undefined) where.push(`a.region_code = ANY (${arg(await this.regionsWithin(q.regionCode))})`);
    return assignmentPage(this.db, where, args, q);
  }

  /** The region and every region below it; the tree is small (a county has a few hundred). */
  private async regionsWithin(code: string): Promise<string[]> {
    const { tree } = await this.directory.current();
    if (!tree.has(code)) throw refusal('BAD_REQUEST', 'unknown_region', `未登记的区域 ${code} (unknown region)`, 'regionCode');
    return tree.all().filter((r) => tree.isWithin(r.code, code)).map((r) => r.code);
  }
}

@Controller()
export class CommandCentreQueries {
  constructor(private readonly queue: CommandCentreQueue) {}

  @MessagePattern(RoutingAssignmentQueue.subject)
  async queuePage(@Payload() data: unknown): Promise<AssignmentPage> {
    return this.queue.page(await validQuery(RoutingAssignmentQueue, data));
  }
}
