import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CODE_PATTERN, REGION_CODE_PATTERN } from '@yikouban/contracts';
import { RoleEnum } from '../../auth/dto/auth.enums';
import { ROLES, type Role } from '../../auth/roles';
import { PASSWORD_MAX_LENGTH, PASSWORD_POLICY } from '../../identity/password-policy';

/** Staff accounts as an administrator sees and changes them (never the password hash). */

@ObjectType('StaffUserAccount', { description: '工作人员账号 / a staff account' })
export class StaffUserAccountView {
  @Field(() => ID) id: string;
  @Field() username: string;
  @Field() displayName: string;
  @Field(() => RoleEnum) role: Role;
  @Field({ description: '所属单位 / the organisation' }) orgCode: string;
  @Field({ description: '可见区域 / the region subtree the user sees' }) regionCode: string;
  @Field({ description: '停用的账号不能登录 / a disabled account cannot sign in' }) active: boolean;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}

@ObjectType('StaffUserEdge')
export class StaffUserEdgeView {
  @Field({ description: '从此行之后继续 / pass as `after` to continue after this row' }) cursor: string;
  @Field(() => StaffUserAccountView) node: StaffUserAccountView;
}

@ObjectType('StaffUserPageInfo')
export class StaffUserPageInfoView {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('StaffUserConnection', { description: '按用户名排序分页 / by user name, Relay-style' })
export class StaffUserConnectionView {
  @Field(() => [StaffUserEdgeView]) edges: StaffUserEdgeView[];
  @Field(() => StaffUserPageInfoView) pageInfo: StaffUserPageInfoView;
}

@InputType({ description: '账号筛选 / which accounts' })
export class UserFilterInput {
  @Field(() => RoleEnum, { nullable: true }) @IsOptional() @IsIn(ROLES) role?: Role;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field(() => String, { nullable: true, description: '该区域及其下级 / this region and below' }) @IsOptional() @Matches(REGION_CODE_PATTERN) regionCode?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => String, { nullable: true, description: '用户名或姓名中的文字 / part of the user name or display name' }) @IsOptional() @IsString() @Length(1, 50) search?: string;
}

@ArgsType()
export class UsersArgs {
  @Field(() => Int, { defaultValue: 20, description: '每页条数（1–100） / page size' }) @IsInt() @Min(1) @Max(100) first: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) after?: string;
  @Field(() => UserFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => UserFilterInput) filter?: UserFilterInput;
}

@InputType({ description: '新建工作人员账号 / a new staff account' })
export class CreateUserInput {
  @Field({ description: '小写字母、数字、_ . -（2–64） / lower-case letters, digits, _ . -' }) @IsString() @Length(2, 64) username: string;
  @Field() @IsString() @Length(1, 100) displayName: string;
  @Field(() => RoleEnum) @IsIn(ROLES) role: Role;
  @Field() @Matches(CODE_PATTERN) orgCode: string;
  @Field() @Matches(REGION_CODE_PATTERN) regionCode: string;
  @Field({ description: PASSWORD_POLICY }) @IsString() @Length(1, PASSWORD_MAX_LENGTH * 4) initialPassword: string;
}

@InputType({ description: '修改账号（只改给出的字段） / only the fields given change' })
export class UpdateUserInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 100) displayName?: string;
  @Field(() => RoleEnum, { nullable: true }) @IsOptional() @IsIn(ROLES) role?: Role;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(REGION_CODE_PATTERN) regionCode?: string;
}

@ArgsType()
export class CreateUserArgs {
  @Field(() => CreateUserInput) @ValidateNested() @Type(() => CreateUserInput) input: CreateUserInput;
}

@ArgsType()
export class UserIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class UpdateUserArgs extends UserIdArgs {
  @Field(() => UpdateUserInput) @ValidateNested() @Type(() => UpdateUserInput) input: UpdateUserInput;
}

@ArgsType()
export class ResetUserPasswordArgs extends UserIdArgs {
  @Field({ description: PASSWORD_POLICY }) @IsString() @Length(1, PASSWORD_MAX_LENGTH * 4) newPassword: string;
}
