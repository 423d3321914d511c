import type { DepartmentType } from '../directory/directory.types';
import type { Complexity, MatterClass, StatutoryPath, WarningColour } from '../triage/triage.types';
import type { CategorySeed } from './classification.types';

export const DEFAULT_CLASSIFICATION_VERSION = 1;

const P = (...paths: StatutoryPath[]) => paths;
const ART31 = '《信访工作条例》第三十一条';

function c(
  code: string, name: string, nameEn: string, matterClass: MatterClass, statutoryPaths: StatutoryPath[],
  lead: DepartmentType, co: DepartmentType[], town: boolean, complexity: Complexity, colour: WarningColour,
  laws: string[], keywords: string[],
): CategorySeed {
  return { code, name, nameEn, matterClass, statutoryPaths, leadDepartmentType: lead, coDepartmentTypes: co, handledAtTownLevel: town, laws, defaultComplexity: complexity, defaultColour: colour, keywords };
}

/** The demo county's classification list (version 1): 42 categories a county really receives. */
export const DEFAULT_CLASSIFICATION_LIST: CategorySeed[] = [
  c('wage_arrears', '拖欠农民工工资', 'Wage arrears', 'claim', P('arbitration', 'litigation', 'administrative_action', 'mediation', 'petition'), 'human_resources', [], false, 'urgent', 'red', ['《保障农民工工资支付条例》第三十条', '《劳动争议调解仲裁法》第五条', ART31], ['拖欠工资', '讨薪', '包工头', '工钱', '农民工', '欠薪']),
  c('labour_contract', '劳动合同纠纷', 'Labour contract disputes', 'claim', P('arbitration', 'litigation', 'mediation', 'petition'), 'human_resources', [], false, 'complex', 'yellow', ['《劳动合同法》第七十七条', '《劳动争议调解仲裁法》第二条'], ['劳动合同', '辞退', '解除合同', '经济补偿', '加班费']),
  c('social_insurance', '社会保险', 'Social insurance', 'claim', P('administrative_review', 'litigation', 'petition'), 'human_resources', [], false, 'simple', 'blue', ['《社会保险法》第八十三条'], ['社保', '养老保险', '工伤', '失业金', '缴费年限']),
  c('pension', '养老金待遇', 'Pension benefits', 'claim', P('administrative_review', 'litigation', 'petition'), 'human_resources', ['finance'], false, 'simple', 'blue', ['《社会保险法》第十六条'], ['养老金', '退休金', '退休待遇']),
  c('medical_insurance', '医疗保障', 'Medical insurance', 'claim', P('administrative_review', 'litigation', 'petition'), 'medical_insurance', [], false, 'simple', 'blue', ['《医疗保障基金使用监督管理条例》'], ['医保', '报销', '医疗保险', '大病']),
  c('land_acquisition', '征地补偿', 'Land acquisition and compensation', 'claim', P('administrative_review', 'litigation', 'petition'), 'natural_resources', ['finance'], false, 'difficult', 'orange', ['《土地管理法》第四十七条', '《土地管理法》第四十八条'], ['征地', '补偿款', '安置', '土地征收']),
  c('rural_contracted_land', '农村土地承包', 'Rural contracted land', 'claim', P('mediation', 'arbitration', 'litigation', 'petition'), 'agriculture', [], true, 'complex', 'yellow', ['《农村土地承包法》第五十五条', '《农村土地承包经营纠纷调解仲裁法》第三条'], ['承包地', '土地流转', '承包经营权', '责任田']),
  c('homestead', '宅基地纠纷', 'Homestead disputes', 'claim', P('mediation', 'administrative_action', 'litigation', 'petition'), 'natural_resources', ['agriculture'], true, 'complex', 'yellow', ['《土地管理法》第十四条', '《土地管理法》第六十二条'], ['宅基地', '建房', '地界', '确权']),
  c('housing_quality', '房屋质量', 'Housing quality', 'claim', P('litigation', 'administrative_action', 'mediation', 'petition'), 'housing', ['market_regulation'], false, 'complex', 'yellow', ['《建设工程质量管理条例》第四十条'], ['漏水', '裂缝', '房屋质量', '渗水', '空鼓']),
  c('unfinished_buildings', '烂尾楼', 'Unfinished buildings', 'claim', P('litigation', 'administrative_action', 'petition'), 'housing', ['natural_resources', 'finance'], false, 'difficult', 'orange', ['《城市房地产管理法》第四十五条'], ['烂尾楼', '停工', '交房', '逾期交付', '保交楼']),
  c('property_management', '物业管理', 'Property management', 'claim', P('mediation', 'litigation', 'administrative_action', 'petition'), 'housing', [], true, 'simple', 'green', ['《物业管理条例》第三十五条'], ['物业', '物业费', '业委会', '小区']),
  c('demolition', '房屋征收拆迁', 'Demolition and expropriation', 'claim', P('administrative_review', 'litigation', 'petition'), 'housing', ['natural_resources'], false, 'difficult', 'orange', ['《国有土地上房屋征收与补偿条例》第二十六条'], ['拆迁', '征收', '强拆', '安置房']),
  c('illegal_construction', '违法建设', 'Illegal construction', 'claim', P('administrative_action', 'petition'), 'urban_management', ['natural_resources'], true, 'simple', 'green', ['《城乡规划法》第六十四条'], ['违建', '违章建筑', '乱搭', '加层']),
  c('neighbour_dispute', '邻里纠纷', 'Neighbour disputes', 'claim', P('mediation', 'litigation', 'petition'), 'justice', [], true, 'simple', 'green', ['《人民调解法》第十八条', '《民法典》第二百八十八条'], ['邻居', '邻里', '通行', '采光', '排水']),
  c('livestock_nuisance', '畜禽养殖扰民', 'Livestock nuisance', 'claim', P('mediation', 'administrative_action', 'petition'), 'agriculture', ['ecology'], true, 'simple', 'green', ['《畜禽规模养殖污染防治条例》第十一条'], ['养鸡', '养猪', '鸡舍', '猪场', '臭味', '禽畜']),
  c('noise', '噪声扰民', 'Noise', 'claim', P('administrative_action', 'mediation', 'petition'), 'ecology', ['urban_management'], false, 'simple', 'green', ['《噪声污染防治法》第七十七条'], ['噪音', '噪声', '施工', '夜间', '吵']),
  c('odour', '异味扰民', 'Odour', 'claim', P('administrative_action', 'petition'), 'ecology', [], false, 'simple', 'green', ['《大气污染防治法》第八十条'], ['异味', '臭味', '恶臭', '气味']),
  c('water_pollution', '水污染', 'Water pollution', 'claim', P('administrative_action', 'litigation', 'petition'), 'ecology', ['water'], false, 'complex', 'yellow', ['《水污染防治法》第八十三条'], ['污水', '排污', '河水', '水污染', '死鱼']),
  c('air_pollution', '大气污染', 'Air pollution', 'claim', P('administrative_action', 'petition'), 'ecology', [], false, 'complex', 'yellow', ['《大气污染防治法》第九十九条'], ['烟尘', '废气', '粉尘', '焚烧']),
  c('school_closure', '学校撤并', 'School closure', 'suggestion', P('petition'), 'education', [], false, 'difficult', 'orange', ['《义务教育法》第十五条', ART31], ['撤并', '撤校', '学校合并', '上学远']),
  c('school_enrolment', '入学招生', 'School enrolment', 'claim', P('administrative_review', 'petition'), 'education', [], false, 'simple', 'blue', ['《义务教育法》第十二条'], ['入学', '招生', '学区', '转学', '学位']),
  c('medical_dispute', '医疗纠纷', 'Medical disputes', 'claim', P('mediation', 'litigation', 'administrative_action', 'petition'), 'health', ['justice'], false, 'complex', 'yellow', ['《医疗纠纷预防和处理条例》第二十二条'], ['医疗事故', '误诊', '手术', '医院', '医闹']),
  c('consumer_complaint', '消费投诉', 'Consumer complaints', 'claim', P('mediation', 'administrative_action', 'arbitration', 'litigation'), 'market_regulation', [], false, 'simple', 'green', ['《消费者权益保护法》第三十九条'], ['退货', '假货', '消费', '商家', '退款']),
  c('food_safety', '食品安全', 'Food safety', 'claim', P('administrative_action', 'litigation', 'petition'), 'market_regulation', [], false, 'urgent', 'red', ['《食品安全法》第一百一十五条'], ['食品', '过期', '食物中毒', '餐馆']),
  c('traffic', '交通出行', 'Traffic and transport', 'suggestion', P('administrative_action', 'petition'), 'transport', [], false, 'simple', 'blue', ['《道路运输条例》'], ['公交', '班车', '红绿灯', '出行']),
  c('traffic_accident', '交通事故纠纷', 'Traffic accident disputes', 'claim', P('mediation', 'litigation'), 'public_security', ['justice'], false, 'complex', 'yellow', ['《道路交通安全法》第七十四条'], ['交通事故', '车祸', '撞', '理赔']),
  c('rural_roads', '农村道路', 'Rural roads', 'suggestion', P('petition'), 'transport', [], true, 'simple', 'green', ['《农村公路条例》'], ['村道', '道路', '修路', '坑洼']),
  c('public_security', '治安问题', 'Public security', 'claim', P('administrative_action', 'petition'), 'public_security', [], false, 'urgent', 'red', ['《治安管理处罚法》'], ['偷盗', '打架', '赌博', '治安']),
  c('water_supply', '供水', 'Water supply', 'claim', P('administrative_action', 'petition'), 'water', ['housing'], false, 'urgent', 'red', ['《城市供水条例》'], ['停水', '自来水', '水压', '供水']),
  c('heating_gas', '供气供暖', 'Gas and heating', 'claim', P('administrative_action', 'petition'), 'housing', [], false, 'urgent', 'red', ['《城镇燃气管理条例》'], ['燃气', '天然气', '供暖', '暖气']),
  c('environmental_sanitation', '环境卫生', 'Environmental sanitation', 'suggestion', P('administrative_action', 'petition'), 'urban_management', [], true, 'simple', 'green', ['《城市市容和环境卫生管理条例》'], ['垃圾', '保洁', '卫生', '脏乱']),
  c('minimum_living_allowance', '最低生活保障', 'Minimum living allowance', 'claim', P('administrative_review', 'litigation', 'petition'), 'civil_affairs', [], false, 'simple', 'blue', ['《社会救助暂行办法》第六十五条'], ['低保', '救助', '困难', '特困']),
  c('veterans_affairs', '退役军人事务', 'Veterans affairs', 'claim', P('administrative_review', 'petition'), 'veterans_affairs', [], false, 'complex', 'yellow', ['《退役军人保障法》'], ['退役', '军人', '优抚', '复员']),
  c('disaster_relief', '灾害救助', 'Disaster relief', 'claim', P('administrative_action', 'petition'), 'emergency', ['civil_affairs'], false, 'urgent', 'red', ['《自然灾害救助条例》'], ['洪水', '塌方', '受灾', '救灾']),
  c('agricultural_subsidy', '惠农补贴', 'Agricultural subsidies', 'claim', P('administrative_review', 'petition'), 'agriculture', ['finance'], false, 'simple', 'blue', ['《农业法》第三十八条'], ['补贴', '惠农', '种粮', '补助']),
  c('marriage_family', '婚姻家庭纠纷', 'Marriage and family disputes', 'claim', P('mediation', 'litigation'), 'justice', [], true, 'simple', 'green', ['《民法典》第一千零七十九条', '《人民调解法》第十八条'], ['离婚', '赡养', '家暴', '抚养']),
  c('debt_dispute', '债务纠纷', 'Debt disputes', 'claim', P('mediation', 'litigation'), 'justice', [], true, 'simple', 'green', ['《民法典》第六百七十五条'], ['欠款', '借钱', '还款', '债务']),
  c('enterprise_restructuring', '企业改制', 'Enterprise restructuring', 'claim', P('arbitration', 'litigation', 'petition'), 'human_resources', ['finance'], false, 'difficult', 'orange', ['《劳动合同法》第四十一条', ART31], ['改制', '买断工龄', '下岗', '破产']),
  c('corruption_report', '检举控告公职人员', 'Reports against officials', 'accusation', P('petition'), 'discipline', [], false, 'complex', 'red', ['《信访工作条例》第二十二条', '《信访工作条例》第三十条', '《监察法》第三十五条'], ['贪污', '受贿', '挪用', '村干部', '腐败']),
  c('litigation_related', '涉法涉诉', 'Litigation-related matters', 'claim', P('litigation'), 'political_legal', [], false, 'complex', 'orange', ['《信访工作条例》第二十二条', '《信访工作条例》第二十八条'], ['判决', '执行', '法院', '再审', '申诉']),
  c('policy_consultation', '政策咨询', 'Policy consultation', 'suggestion', P('consultation'), 'petition', [], false, 'simple', 'blue', ['《北京市接诉即办工作条例》第十一条'], ['咨询', '政策', '怎么办理', '请问']),
  c('suggestion', '意见建议', 'Suggestions', 'suggestion', P('petition'), 'petition', [], false, 'simple', 'blue', ['《信访工作条例》第二十九条'], ['建议', '意见', '希望']),
];
