import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import type { Role } from '../auth/roles';
import { StaffDirectory } from '../identity/staff-directory.service';
import { StaffDirectoryArgs, StaffDirectoryEntryView } from './staff-directory.dto';

/** Those who name a colleague on a form: the rota, a case owner, a public evaluation. */
export const STAFF_DIRECTORY_READERS: readonly Role[] = ['supervisor', 'leader', 'administrator', 'reception_clerk'];

/** 工作人员选择: enabled accounts by role, so a form picks a person instead of taking a typed account id. */
@Resolver()
export class StaffDirectoryResolver {
  constructor(private readonly directory: StaffDirectory) {}

  @Allow(...STAFF_DIRECTORY_READERS)
  @Query(() => [StaffDirectoryEntryView], { description: '在岗工作人员（按角色，可限单位；最多200人）/ enabled staff by role, optionally one organisation (at most 200)' })
  staffDirectory(@Args() a: StaffDirectoryArgs): Promise<StaffDirectoryEntryView[]> {
    return this.directory.list(a.role, a.orgCode);
  }
}
