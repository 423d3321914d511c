import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CODE_PATTERN } from '@yikouban/contracts';
import { RoleEnum } from '../auth/dto/auth.enums';
import { STAFF_ROLES } from '../auth/role-groups';
import type { Role } from '../auth/roles';

@ObjectType('StaffDirectoryEntry', { description: '工作人员（仅工作称谓）/ a colleague as a picker shows them: the work name only' })
export class StaffDirectoryEntryView {
  @Field(() => ID) id: string;
  @Field({ description: '工作称谓 / the work name' }) displayName: string;
  @Field(() => RoleEnum) role: Role;
  @Field({ description: '所属单位 / the organisation' }) orgCode: string;
}

@ArgsType()
export class StaffDirectoryArgs {
  @Field(() => RoleEnum, { description: '工作人员角色 / a staff role' })
  @IsIn(STAFF_ROLES, { message: 'role must be a staff role' })
  role: Role;

  @Field(() => String, { nullable: true, description: '只看该单位 / only this organisation' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'orgCode is not an organisation code' })
  orgCode?: string;
}
