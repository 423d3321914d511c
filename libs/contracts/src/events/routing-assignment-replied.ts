import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { AssignmentFactBase, ReplyLetter } from './routing-assignment-common';

/** A co-unit's text that went into the lead unit's reply (协办意见). */
export class ReplyContributionFact {
  @IsUUID() fromAssignmentId: string;
  @Matches(CODE_PATTERN) orgCode: string;
  @IsString() @Length(1, 200) orgName: string;
  @IsString() @Length(1, 5000) text: string;
}

/** The lead unit sent its 处理意见书 (信访工作条例 第三十二条): supervision stops the handling clock. */
export class AssignmentRepliedV1 extends AssignmentFactBase {
  @ValidateNested() @Type(() => ReplyLetter) letter: ReplyLetter;
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ReplyContributionFact) contributions: ReplyContributionFact[];
}

export const AssignmentReplied = defineEvent('routing.assignment.replied', 1, AssignmentRepliedV1);
