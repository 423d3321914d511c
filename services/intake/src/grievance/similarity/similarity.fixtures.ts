// Labelled pairs of grievance texts for tuning and guarding the duplicate-matter threshold.
// Invented but realistic: the way petitioners write online, and the way a hotline operator
// re-tells the same call ("来电人反映…"). Names, companies and places are fictional.
//   same: both texts are the same matter (a repeat petition or another person about it).
//   hard: a positive re-told in quite different words, or a negative of the same category
//         (another wage case, another coop, the same developer but another complaint).

export interface SimilarityFixture {
  readonly id: string;
  readonly same: boolean;
  readonly hard: boolean;
  readonly a: string;
  readonly b: string;
}

const T = {
  wageHongda:
    '我是在城东新区宏达建筑工地干活的农民工，包工头王建国拖欠我们十二个人三个月的工资，一共八万六千元，去年腊月到现在多次找他都说没钱，请政府帮我们要回血汗钱。',
  wageHongdaHotline:
    '来电人反映：宏达建筑城东新区项目工地包工头王建国欠薪，涉及12名农民工3个月工资合计8.6万元，多次讨要未果，诉求协调追讨欠薪。',
  wageHongdaCoworker:
    '宏达建筑城东新区工地的包工头王建国欠我们工人三个月工资没给，十二个人一共八万六千多，年前就该结清了，希望政府帮忙讨回来。',
  wageHongdaTitle: '宏达工地包工头王建国拖欠农民工工资',
  wageXinyuan:
    '我们是城南工业园鑫源服装厂的工人，厂里从去年十月起就拖欠工资，二十多名工人被欠了五个月工资，老板李志强说订单少发不出钱，请求劳动监察部门帮我们追回工资。',
  wageXinyuanHotline:
    '鑫源服装厂（城南工业园）欠发工资问题：该厂老板李志强以订单减少为由，自去年10月起未发放工资，涉及工人20余名、欠薪5个月，工人要求劳动监察介入。',
  wageShengshi:
    '我在县城北环路的盛世华庭小区工地做木工，包工头刘德明拖欠我和同乡六个人两个月工钱共四万二千元，多次讨要无果，请政府帮忙追讨。',
  landLiushu:
    '我是青石镇柳树村村民，2023年县道扩建工程征用了我家两亩三分承包地，至今只拿到一半补偿款，镇里说剩下的要等上面拨款，已经拖了一年多，要求按标准足额发放征地补偿。',
  landLiushuHotline:
    '青石镇柳树村村民张桂兰反映：县道扩建征收其家承包地2.3亩，补偿款仅到位一半，余款镇政府称待上级拨付，拖欠一年多，请求足额兑付征地补偿。',
  landSolarLease:
    '白沙乡杨家湾村修建光伏电站租用村集体土地，村委会与企业签的租地合同没有经过村民代表大会，租金多少也不公开，村民要求公开合同和租金去向。',
  landDonggang:
    '我是红旗镇东岗村村民，高铁站配套道路征收我家宅基地和菜园，评估价格明显低于周边标准，拆迁办不肯重新评估，要求重新核定补偿标准。',
  noiseJinding:
    '幸福里小区楼下的金鼎烧烤店每天营业到凌晨两三点，食客喝酒划拳吵闹，油烟直接排到居民窗户上，老人孩子晚上睡不着，反映多次没人管。',
  noiseJindingHotline:
    '投诉金鼎烧烤店（幸福里小区底商）夜间经营至凌晨，噪音扰民、油烟直排，影响居民休息，此前已多次投诉未解决。',
  noiseConcrete:
    '滨河路锦绣花园旁边的商砼搅拌站晚上十点以后还在施工，罐车进出轰隆隆的，粉尘很大，居民窗台全是灰，希望环保部门查处夜间违规作业。',
  streetBarbecue:
    '人民路步行街的老李家烧烤晚上在人行道摆摊，桌椅占道，垃圾满地，行人过不去，希望城管规范占道经营。',
  pigFarm:
    '大王庄村西头的养猪场离村子不到两百米，夏天臭味熏得人不敢开窗，猪粪水直接排进村里的排水沟，流到小清河，请环保部门来查一查。',
  pigFarmHotline:
    '群众反映大王庄村西侧养殖场（养猪）距离居民区不足200米，恶臭严重，粪污未经处理排入排水沟进而流入小清河，要求查处。',
  chickenFarm:
    '小李庄村南的养鸡场粪便堆在路边露天存放，苍蝇成群，下雨后污水横流到农田里，影响庄稼，请求处理。',
  allowanceZhao:
    '我是刘家营村的赵秀英，丈夫去年因车祸瘫痪在床，家里两个孩子上学，全靠我一个人打零工，向村里申请低保半年了一直没有消息，村干部说名额满了，请求帮助。',
  allowanceZhaoHotline:
    '刘家营村村民赵秀英，丈夫车祸致瘫，二子就学，家庭收入微薄。半年前向村委会提交低保申请至今无果，村干部称名额已满，请求核查其低保资格。',
  allowanceFavouritism:
    '我村的低保户里有村支书的亲戚，家里开着小卖部还有轿车，真正困难的孤寡老人反而吃不上低保，要求调查村里低保评定不公的问题。',
  heatingJinjiang:
    '锦江苑小区今年供暖以来室内温度只有十四五度，热力公司测温说达标，我们自己测都不到十六度，交了取暖费却冻得开电暖器，要求退费或者整改。',
  heatingJinjiangHotline:
    '锦江苑小区居民反映：本供暖季室温仅14-15度，未达到18度标准，热力公司测温结果与实际不符，要求整改并退还部分取暖费。',
  heatingDongfang:
    '东方明珠小区3号楼暖气从去年冬天开始就不热，物业说是管道堵了要业主自己出钱维修，我们认为应该由热力公司负责，请求协调。',
  schoolPlace:
    '我家孩子今年该上一年级了，户口和房子都在实验小学学区，可是教育局说学位已满要分流到十几公里外的城郊小学，孩子太小接送很不方便，请求就近入学。',
  schoolPlaceHotline:
    '家长反映其子户籍、房产均在实验小学学区范围内，今年一年级招生被告知学位已满，被分流至距家十余公里的城郊小学，请求安排就近入学。',
  schoolTutoring:
    '县二中初三年级每天晚上补课到十点，还向每个学生收取补课费八百元，孩子压力太大，请求教育局查处违规补课收费。',
  coopLvyuan:
    '我们是绿源蔬菜种植专业合作社的社员，当初入股每户交了两万元，合作社理事长孙德福三年来一分红都没分，账目也不公开，社员要求查账退股。',
  coopLvyuanJoint:
    '绿源蔬菜专业合作社社员联名反映：理事长孙德福对社员入股资金（每户2万元）三年未分红，财务不公开，社员诉求审计账目、退还股金。',
  coopFengshou:
    '丰收养牛专业合作社以扶贫项目名义收了贫困户的产业补助资金，说每年给分红一千元，今年突然说合作社亏损不分了，贫困户要求返还补助资金。',
  medicalBypass:
    '我母亲在市人民医院做心脏搭桥手术花了十二万，回来报销新农合只给报了三万多，说有些药是自费药，但住院时医生没告诉我们，要求重新核算报销。',
  medicalBypassHotline:
    '反映其母在市人民医院行心脏搭桥术，医疗费用12万元，医保仅报销3万余元，因部分药品属自费且住院期间未告知，要求重新审核报销金额。',
  medicalOvercharge:
    '我父亲在县中医院住院二十天，出院结算时发现清单里有好几项检查根本没做过，多收了两千多元，医院不承认，要求医保局调查乱收费。',
  roadShimen:
    '通往石门村的村道坑坑洼洼，去年修的路今年就裂开塌陷了，下雨全是泥水，学生上学摔倒好几次，怀疑施工偷工减料，要求重新修路并查施工方。',
  roadShimenHotline:
    '石门村村道于去年修建，未满一年即出现开裂、塌陷，雨天积水泥泞，有学生上学途中摔伤，村民怀疑工程质量问题，请求返修并追责施工单位。',
  trafficLight:
    '县城解放路和建设路交叉口的红绿灯坏了半个月了，早晚高峰车辆乱成一团，已经发生好几次剐蹭，请交警部门尽快修复。',
  leakYujingwan:
    '我在御景湾小区买的房子交房不到一年，卫生间和阳台漏水，墙面大面积发霉，找开发商恒泰地产好几次，他们一直推给施工队，没人来修。',
  leakYujingwanOwner:
    '御景湾小区业主投诉恒泰地产：交房不足一年卫生间、阳台渗漏，墙体霉变严重，开发商推诿给施工方，长期未维修。',
  certificateYujingwan:
    '恒泰地产开发的御景湾小区交房三年了还办不下房产证，开发商说土地手续有问题，业主贷款、孩子上学都受影响，要求尽快办证。',
} as const;

type TextKey = keyof typeof T;

function pair(id: string, same: boolean, hard: boolean, a: TextKey, b: TextKey): SimilarityFixture {
  return { id, same, hard, a: T[a], b: T[b] };
}

export const SIMILARITY_FIXTURES: readonly SimilarityFixture[] = [
  // Same matter.
  pair('wage-hongda/hotline', true, true, 'wageHongda', 'wageHongdaHotline'),
  pair('wage-hongda/coworker', true, false, 'wageHongda', 'wageHongdaCoworker'),
  pair('wage-hongda/hotline-coworker', true, true, 'wageHongdaHotline', 'wageHongdaCoworker'),
  pair('wage-hongda/title', true, true, 'wageHongdaTitle', 'wageHongda'),
  pair('wage-xinyuan/hotline', true, true, 'wageXinyuan', 'wageXinyuanHotline'),
  pair('land-liushu/hotline', true, true, 'landLiushu', 'landLiushuHotline'),
  pair('noise-jinding/hotline', true, true, 'noiseJinding', 'noiseJindingHotline'),
  pair('pig-farm/hotline', true, true, 'pigFarm', 'pigFarmHotline'),
  pair('allowance-zhao/hotline', true, true, 'allowanceZhao', 'allowanceZhaoHotline'),
  pair('heating-jinjiang/hotline', true, false, 'heatingJinjiang', 'heatingJinjiangHotline'),
  pair('school-place/hotline', true, true, 'schoolPlace', 'schoolPlaceHotline'),
  pair('coop-lvyuan/joint', true, true, 'coopLvyuan', 'coopLvyuanJoint'),
  pair('medical-bypass/hotline', true, false, 'medicalBypass', 'medicalBypassHotline'),
  pair('road-shimen/hotline', true, true, 'roadShimen', 'roadShimenHotline'),
  pair('leak-yujingwan/owner', true, false, 'leakYujingwan', 'leakYujingwanOwner'),
  // Different matters of the same category.
  pair('wage/hongda-xinyuan', false, true, 'wageHongda', 'wageXinyuan'),
  pair('wage/hongda-shengshi', false, true, 'wageHongda', 'wageShengshi'),
  pair('wage/xinyuan-shengshi', false, true, 'wageXinyuan', 'wageShengshi'),
  pair('wage/hongda-hotline-shengshi', false, true, 'wageHongdaHotline', 'wageShengshi'),
  pair('wage/hongda-hotline-xinyuan-hotline', false, true, 'wageHongdaHotline', 'wageXinyuanHotline'),
  pair('land/liushu-solar-lease', false, true, 'landLiushu', 'landSolarLease'),
  pair('land/liushu-donggang', false, true, 'landLiushu', 'landDonggang'),
  pair('noise/jinding-concrete', false, true, 'noiseJinding', 'noiseConcrete'),
  pair('noise/jinding-street-barbecue', false, true, 'noiseJinding', 'streetBarbecue'),
  pair('farm/pig-chicken', false, true, 'pigFarm', 'chickenFarm'),
  pair('allowance/zhao-favouritism', false, true, 'allowanceZhao', 'allowanceFavouritism'),
  pair('heating/jinjiang-dongfang', false, true, 'heatingJinjiang', 'heatingDongfang'),
  pair('school/place-tutoring', false, true, 'schoolPlace', 'schoolTutoring'),
  pair('coop/lvyuan-fengshou', false, true, 'coopLvyuan', 'coopFengshou'),
  pair('medical/bypass-overcharge', false, true, 'medicalBypass', 'medicalOvercharge'),
  pair('housing/yujingwan-leak-certificate', false, true, 'leakYujingwan', 'certificateYujingwan'),
  // Different matters, different categories.
  pair('easy/wage-noise', false, false, 'wageHongda', 'noiseJinding'),
  pair('easy/land-school', false, false, 'landLiushu', 'schoolPlace'),
  pair('easy/pig-farm-medical', false, false, 'pigFarm', 'medicalBypass'),
  pair('easy/coop-heating', false, false, 'coopLvyuan', 'heatingJinjiang'),
  pair('easy/road-leak', false, false, 'roadShimen', 'leakYujingwan'),
  pair('easy/allowance-traffic-light', false, false, 'allowanceZhao', 'trafficLight'),
];
