import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { ComplexityEnum, StatutoryPathEnum, WarningColourEnum } from '../../workbench/dto/workbench.enums';

@ObjectType('GrievanceTriage', { description: '甄别分流（现行结果，人工调整优先） / the triage in force: the road, urgency and warning colour' })
export class GrievanceTriageView {
  @Field(() => StatutoryPathEnum, { description: '法定途径 / the statutory road' }) statutoryPath: string;
  @Field(() => String, { nullable: true, description: '分流：emergency_110, political_legal, discipline_inspection, progress_report' }) diversion: string | null;
  @Field(() => ComplexityEnum, { description: '繁简程度 / urgent, simple, complex, difficult' }) complexity: string;
  @Field(() => WarningColourEnum, { description: '四色预警（含义由本辖区政策规定） / the warning colour' }) colour: string;
  @Field({ description: '甄别理由 / why this road, in Chinese' }) reason: string;
  @Field({ description: 'why this road, in English' }) reasonEn: string;
  @Field(() => String, { nullable: true, description: '甄别时的类别 / the category it was triaged under' }) categoryCode: string | null;
  @Field(() => Int, { nullable: true, description: '依法分类处理清单版本 / the classification list version that classified it' }) listVersion: number | null;
  @Field(() => GraphQLISODateTime) decidedAt: Date;
  @Field({ description: '经人工调整 / an operator overrode the automatic decision' }) overridden: boolean;
}
