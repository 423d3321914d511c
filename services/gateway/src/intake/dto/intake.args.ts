import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_PAGE_SIZE, TRACKING_CODE_PATTERN } from '@yikouban/contracts';
import { GrievanceFilterInput, RegisterGrievanceInput, SubmitGrievanceInput } from './intake.inputs';

const upperTrimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

@ArgsType()
export class RegisterGrievanceArgs {
  @Field(() => RegisterGrievanceInput) @ValidateNested() @Type(() => RegisterGrievanceInput) input: RegisterGrievanceInput;
}

@ArgsType()
export class SubmitGrievanceArgs {
  @Field(() => SubmitGrievanceInput) @ValidateNested() @Type(() => SubmitGrievanceInput) input: SubmitGrievanceInput;
}

@ArgsType()
export class GrievancesArgs {
  @Field(() => Int, { nullable: true, description: `每页条数 (1–${MAX_PAGE_SIZE}，默认20) / page size` })
  @IsOptional()
  @Min(1, { message: 'first must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `first may be at most ${MAX_PAGE_SIZE}` })
  first?: number | null;
  @Field(() => String, { nullable: true, description: '上一页的 endCursor / the endCursor of the previous page' }) @IsOptional() @MaxLength(200) after?: string | null;
  @Field(() => GrievanceFilterInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => GrievanceFilterInput) filter?: GrievanceFilterInput | null;
}

@ArgsType()
export class GrievanceIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'grievanceId must be a grievance id (uuid)' }) grievanceId: string;
}

@ArgsType()
export class GrievanceByIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a grievance id (uuid)' }) id: string;
}

@ArgsType()
export class RevealPetitionerArgs extends GrievanceIdArgs {
  @Field({ description: '查看理由 (记入审计) / why the identity is needed; kept in the audit record' })
  @Length(4, 500, { message: 'reason must say why, in 4 to 500 characters' })
  reason: string;
}

@ArgsType()
export class MergeGrievancesArgs {
  @Field(() => ID, { description: '保留的主件 / the grievance that stays primary' }) @IsUUID('all', { message: 'keepId must be a grievance id (uuid)' }) keepId: string;
  @Field(() => ID, { description: '并入的重复件 / the duplicate merged into it' }) @IsUUID('all', { message: 'mergeId must be a grievance id (uuid)' }) mergeId: string;
}

@ArgsType()
export class TrackingArgs {
  @Field({ description: '受理编号 / tracking code' })
  @Transform(upperTrimmed)
  @Matches(TRACKING_CODE_PATTERN, { message: '受理编号格式不正确 / trackingCode is not a tracking code' })
  trackingCode: string;
  @Field({ description: '查询密码 / the secret given with the code' }) @Length(6, 32, { message: 'secret must be 6 to 32 characters' }) secret: string;
}

@ArgsType()
export class WithdrawArgs extends TrackingArgs {
  @Field({ description: '撤回理由 / why the petitioner withdraws' }) @Length(1, 500, { message: 'reason must be 1 to 500 characters' }) reason: string;
}

