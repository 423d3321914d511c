import { IsOptional, IsString, Length, Matches } from 'class-validator';
import type { Channel, FieldProblem } from '@yikouban/contracts';
import { validatePayload } from '@yikouban/contracts';

/** 12345 hotline: the call and its recording (接诉即办条例 第十条: a ticket records time, matter, contact). */
export class HotlineDetails {
  @IsString() @Length(1, 64) callId: string;
  @IsOptional() @IsString() @Length(1, 256) recordingRef?: string;
  @IsOptional() @IsString() @Length(1, 64) operatorId?: string;
}
/** 来信: the receipt number stamped on the letter. */
export class LetterDetails {
  @IsString() @Length(1, 64) receiptNumber: string;
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/) postmarkDate?: string;
}
/** 网格员上报: which grid and which grid worker. */
export class GridReportDetails {
  @Matches(/^[a-z0-9_]{1,40}$/) gridCode: string;
  @IsString() @Length(1, 64) gridWorkerId: string;
}
/** 110 联动: the police incident number. */
export class Police110Details {
  @IsString() @Length(1, 64) incidentNumber: string;
}
/** 视频接访: the video session. */
export class VideoDetails {
  @IsString() @Length(1, 64) sessionId: string;
}
/** 来访: the reception window and clerk (首接负责). */
export class WalkInDetails {
  @IsOptional() @IsString() @Length(1, 64) receptionWindow?: string;
  @IsOptional() @IsString() @Length(1, 64) clerkId?: string;
}
/** Online channels: the platform's own reference, if any. */
export class OnlineDetails {
  @IsOptional() @IsString() @Length(1, 128) externalRef?: string;
  @IsOptional() @IsString() @Length(1, 128) account?: string;
}

const DETAILS_BY_CHANNEL: Record<Channel, new () => object> = {
  hotline_12345: HotlineDetails,
  letter: LetterDetails,
  grid_report: GridReportDetails,
  police_110: Police110Details,
  video: VideoDetails,
  walk_in: WalkInDetails,
  web: OnlineDetails,
  mini_program: OnlineDetails,
  wechat: OnlineDetails,
  sms: OnlineDetails,
  weibo: OnlineDetails,
  qq: OnlineDetails,
  mailbox_secretary: OnlineDetails,
  mailbox_mayor: OnlineDetails,
  open311: OnlineDetails,
};

/** Channels where a clerk writes down what was said (信访工作条例 第十九条: oral petitions recorded faithfully). */
export const ORAL_CHANNELS: readonly Channel[] = ['walk_in', 'video', 'hotline_12345'];

/** Checks the fields a channel really has; returns problems named `channelDetails.<field>`. */
export async function checkChannelDetails(channel: Channel, details: Record<string, unknown> | undefined): Promise<FieldProblem[]> {
  const result = await validatePayload(DETAILS_BY_CHANNEL[channel], details ?? {});
  if (result.ok) return [];
  return result.fields.length
    ? result.fields.map((f) => ({ field: `channelDetails.${f.field}`, problems: f.problems }))
    : [{ field: 'channelDetails', problems: [result.reason] }];
}
