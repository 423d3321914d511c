import { Inject, Injectable } from '@nestjs/common';
import type { RoutingActor } from '@yikouban/contracts';
import type { WorkingCalendar } from '@yikouban/calendar';
import { DirectoryCache } from '../directory/directory-cache';
import type { OrganisationSeed } from '../directory/directory.types';
import type { Actor } from './domain/assignment-machine';
import { RETURN_CALENDAR, returnDeadline } from './domain/return-window';
import { refusal } from './workbench-errors';

/** Organisations that route and re-route cases: the command centre and the petition bureau. */
const OVERSIGHT_KINDS: readonly string[] = ['command_centre', 'petition_bureau'];

/** What the workbench asks of the directory and the calendar. */
@Injectable()
export class WorkbenchDirectory {
  constructor(
    private readonly directory: DirectoryCache,
    @Inject(RETURN_CALENDAR) private readonly calendar: WorkingCalendar,
  ) {}

  async actor(by: RoutingActor): Promise<Actor> {
    const org = (await this.directory.current()).organisations.get(by.orgCode);
    return { userId: by.userId, orgCode: by.orgCode, oversight: !!org && OVERSIGHT_KINDS.includes(org.kind) };
  }

  /**
   * An organisation a command sends work to (reassignment, handover, jurisdiction decision, handoff):
   * it must exist and be active. Activeness is confirmed against the table, so a deactivation made
   * through another replica is honoured before this replica's snapshot expires.
   */
  async organisation(code: string, field: string): Promise<OrganisationSeed> {
    const snap = await this.directory.current();
    const org = snap.organisations.get(code);
    const inactive = snap.inactive.get(code);
    if (!org && !inactive) throw refusal('BAD_REQUEST', 'unknown_organisation', `未登记的单位 ${code} (unknown organisation)`, field);
    if (inactive || !(await this.directory.confirmActive(code))) {
      const name = (org ?? inactive)?.name ?? code;
      throw refusal('CONFLICT', 'organisation_inactive', `${name}（${code}）已停用，不能接收事项 (the organisation is deactivated and cannot be given work)`, field);
    }
    return org as OrganisationSeed;
  }

  /** 第二十三条: the window a new assignment may be returned in. */
  returnDeadline(assignedAt: Date): Date {
    return returnDeadline(assignedAt, this.calendar);
  }

  snapshot() {
    return this.directory.current();
  }
}
