import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '../auth/roles';
import { StaffUser } from './entities/staff-user.entity';

/** What a picker shows of a colleague: the work name, never the user name, region or anything else. */
export interface StaffDirectoryEntry {
  id: string;
  displayName: string;
  role: Role;
  orgCode: string;
}

/** A picker needs no paging: a county has tens of people per role, never thousands. */
export const STAFF_DIRECTORY_LIMIT = 200;

/** Enabled staff accounts by role (and organisation), for choosing a leader or a colleague by name. */
@Injectable()
export class StaffDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(role: Role, orgCode?: string): Promise<StaffDirectoryEntry[]> {
    const q = this.db
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .select(['u.id', 'u.displayName', 'u.role', 'u.orgCode'])
      .where('u.active = true AND u.role = :role', { role })
      .orderBy('u.displayName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .take(STAFF_DIRECTORY_LIMIT);
    if (orgCode) q.andWhere('u.orgCode = :orgCode', { orgCode });
    const rows = await q.getMany();
    return rows.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, orgCode: u.orgCode }));
  }
}
