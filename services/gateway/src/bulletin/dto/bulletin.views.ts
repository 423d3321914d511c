import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BulletinKind, EarlyWarningState, EarlyWarningWindow } from '@yikouban/contracts';
import { IndicatorRowView } from '../../supervision/dto/supervision.views';
import { BulletinKindEnum, EarlyWarningStateEnum, EarlyWarningWindowEnum } from './bulletin.enums';

@ObjectType('EarlyWarning', { description: '苗头预警：某区域某类诉求短期激增 / a spike of one category in one region' })
export class EarlyWarningView {
  @Field(() => ID) id: string;
  @Field({ description: '区域（镇街）/ region (town)' }) regionCode: string;
  @Field() categoryCode: string;
  @Field(() => EarlyWarningWindowEnum) window: EarlyWarningWindow;
  @Field({ description: '窗口首日 / first day of the window' }) windowStart: string;
  @Field({ description: '窗口末日 / last day of the window' }) windowEnd: string;
  @Field(() => Int, { description: '窗口内件数 / grievances in the window' }) count: number;
  @Field(() => Float, { description: '基线日均 / baseline daily mean' }) baselineMean: number;
  @Field(() => Float, { description: '基线标准差 / baseline standard deviation' }) baselineStddev: number;
  @Field(() => Float, { description: '预警阈值 / the count the window exceeded' }) threshold: number;
  @Field() raisedAt: string;
  @Field(() => EarlyWarningStateEnum) state: EarlyWarningState;
  @Field(() => String, { nullable: true }) acknowledgedBy: string | null;
  @Field(() => String, { nullable: true }) acknowledgedAt: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('EarlyWarningPage')
export class EarlyWarningPageView {
  @Field(() => [EarlyWarningView]) items: EarlyWarningView[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}

@ObjectType('BulletinOverdueItem', { description: '通报中的超期事项 / an overdue clock named in a bulletin' })
export class BulletinOverdueItemView {
  @Field(() => String, { nullable: true }) trackingCode: string | null;
  @Field() step: string;
  @Field() dueAt: string;
  @Field(() => Int) escalationLevel: number;
  @Field(() => String, { nullable: true }) escalatedTo: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) orgCode: string | null;
  @Field(() => String, { nullable: true }) categoryCode: string | null;
}

@ObjectType('Bulletin', { description: '通报（一天一通报、一周一通报、半月一通报、一月一通报）/ a bulletin' })
export class BulletinView {
  @Field(() => ID) id: string;
  @Field(() => BulletinKindEnum) kind: BulletinKind;
  @Field({ description: '期间首日 / first day' }) periodStart: string;
  @Field({ description: '期间末日（含）/ last day' }) periodEnd: string;
  @Field({ description: '期间已结束（未结束的为临时通报）/ the period is over' }) complete: boolean;
  @Field() generatedAt: string;
  @Field(() => IndicatorRowView, { description: '总计 / totals' }) totals: IndicatorRowView;
  @Field(() => [IndicatorRowView], { description: '分地区 / per region' }) regions: IndicatorRowView[];
  @Field(() => [IndicatorRowView], { description: '分单位 / per unit' }) units: IndicatorRowView[];
  @Field(() => [IndicatorRowView], { description: '诉求量前列类别 / top categories' }) topCategories: IndicatorRowView[];
  @Field(() => [BulletinOverdueItemView], { description: '超期清单 / overdue list' }) overdue: BulletinOverdueItemView[];
  @Field(() => Int) overdueTotal: number;
}

@ObjectType('BulletinPage')
export class BulletinPageView {
  @Field(() => [BulletinView]) items: BulletinView[];
  @Field(() => String, { nullable: true }) nextCursor: string | null;
}

@ObjectType('LedgerFile', { description: '台账文件（base64）/ a ledger file, base64-encoded' })
export class LedgerFileView {
  @Field() filename: string;
  @Field() contentType: string;
  @Field(() => Int) bytes: number;
  @Field() base64: string;
}
