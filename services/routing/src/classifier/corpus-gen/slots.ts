import type { SeededRandom } from './random';

// The demo county's towns, villages and communities (directory/demo-county.ts), plus estates and
// businesses a county really has, so texts read like what a clerk types in.
const TOWNS = ['城关镇', '东湖街道', '石桥镇', '白沙镇', '柳溪乡', '云岭镇'];
const VILLAGES = ['南塘村', '新河村', '石桥村', '上垟村', '下洋村', '溪口村', '白沙村', '沙岗村', '渡口村', '柳溪村', '竹坑村', '高山村', '坑口村', '云岭村', '茶园村', '岭脚村'];
const COMMUNITIES = ['东门社区', '西街社区', '北关社区', '湖滨社区', '安置房社区', '东湖社区', '锦绣社区'];
const ESTATES = ['锦绣花园', '滨江名苑', '金桂苑', '阳光水岸', '翠湖天地', '东湖壹号', '御景华庭', '青川春天', '城南新村', '龙湖湾'];
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '胡', '郑', '林', '何', '郭', '叶', '潘'];
const COMPANY_NAMES = ['宏达', '鑫源', '恒通', '青川', '顺发', '华远', '金鼎', '瑞丰', '东升', '佳和', '永兴', '明辉'];
const COMPANY_KINDS = ['建筑工程有限公司', '建材厂', '鞋厂', '食品公司', '服装厂', '物流公司', '电子厂', '劳务公司', '家具厂', '竹木制品厂', '汽配厂', '纺织公司'];

/** Each slot draws one filler; a template may use the same slot name twice and get two draws. */
export const SLOTS: Record<string, (r: SeededRandom) => string> = {
  town: (r) => r.pick(TOWNS),
  village: (r) => r.pick(VILLAGES),
  community: (r) => r.pick(COMMUNITIES),
  estate: (r) => r.pick(ESTATES),
  person: (r) => {
    const s = r.pick(SURNAMES);
    return r.pick([`${s}某`, `老${s}`, `${s}师傅`, `${s}某某`, `姓${s}的`]);
  },
  company: (r) => `${r.pick(COMPANY_NAMES)}${r.pick(COMPANY_KINDS)}`,
  sum: (r) => r.pick(['3200元', '4800元', '6500元', '8600多元', '1.2万元', '两万三千元', '三万多块', '46000元', '八万多', '十五万元', '五千多块钱', '两万块钱', '12万元', '7万8千元', '九千元']),
  small: (r) => r.pick(['三百多', '五百块', '八百元', '一千出头', '两百元', '六百多块']),
  months: (r) => r.pick(['两个月', '三个月', '半年', '八个月', '十个月', '一年多', '四个多月', '快一年']),
  years: (r) => r.pick(['两年', '三年多', '五年', '八年', '十多年', '一年多', '六七年']),
  when: (r) => r.pick(['去年十月', '今年三月份', '春节前', '2022年', '前年', '上个月', '去年年底', '今年5月', '2019年', '去年夏天']),
  n: (r) => r.pick(['十几', '12', '二十多', '30', '五六', '8', '四十多', '十来']),
  age: (r) => r.pick(['八十二', '八十五', '九十', '八十七', '九十三', '七十九']),
  year: (r) => r.pick(['1979', '1985', '1998', '2004', '2012', '1992']),
  mu: (r) => r.pick(['一亩二分', '两亩', '三亩多', '五亩', '一亩半', '八分']),
  project: (r) => r.pick(['高速公路', '工业园区', '县城新区', '高铁站', '产业园', '水库', '物流园']),
  project2: (r) => r.pick(['村道硬化', '农田水利', '安置小区', '学校食堂', '污水管网', '文化礼堂', '河道护岸']),
  factory: (r) => r.pick(['国营农机厂', '县酒厂', '丝绸厂', '县供销社', '水泥厂', '县棉纺厂', '县食品公司', '化肥厂']),
  factory2: (r) => r.pick(['石料加工厂', '木材加工厂', '钢材加工点', '砖厂', '竹制品厂', '沥青搅拌站']),
  factory3: (r) => r.pick(['化工厂', '橡胶厂', '制药厂', '饲料厂', '皮革厂', '印染厂']),
  building: (r) => r.pick(['3号', '5号', '7幢', '12栋', 'B区2号', '9号']),
  fee: (r) => r.pick(['1.2元', '1.5元', '2元', '0.8元', '2.5元']),
  river: (r) => r.pick(['青川河', '柳溪', '白沙溪', '东湖', '石桥港']),
  shop: (r) => r.pick(['美容院', '健身房', '理发店', '手机店', '家电城', '教育培训机构', '洗车店']),
  shop2: (r) => r.pick(['超市', '小卖部', '菜市场摊位', '便利店', '农贸市场']),
  school: (r) => r.pick(['实验小学', '城关一小', '东湖小学', '县二中', '城南中学', '青川中学']),
  dept2: (r) => r.pick(['国土所', '财政所', '城建办', '农经站', '民政办', '林业站']),
  dept3: (r) => r.pick(['交通局', '住建局', '教育局', '水利局', '自然资源局', '农业农村局']),
  dept4: (r) => r.pick(['不动产登记中心', '市场监管所', '社保窗口', '镇便民服务中心', '税务大厅', '车管所']),
};

/** Replaces every `{slot}`; an unknown slot is a mistake in a template, so it throws. */
export function fillSlots(template: string, r: SeededRandom): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const slot = SLOTS[name];
    if (!slot) throw new Error(`unknown slot {${name}} in "${template}"`);
    return slot(r);
  });
}

/** How people begin: greetings, who they are, where they live — shared by every category. */
export const OPENERS = [
  '', '', '', '你好，', '您好，', '领导您好，', '我是{town}{village}的村民，', '我家住在{town}{community}，', '本人{person}，住{town}{village}，',
  '我要反映一个问题：', '我想投诉一件事，', '12345你好，', '我是{estate}的业主，', '我叫{person}，', '我代表{village}的村民反映，', '我是外地来{town}打工的，',
];

/** How people end: shared by every category, so they carry no signal. */
export const CLOSERS = [
  '', '', '', '请政府帮忙解决。', '希望尽快处理，谢谢！', '已经多次反映，一直没有结果。', '请相关部门核实处理。', '麻烦尽快给我回复。',
  '我的电话在登记表上。', '恳请领导重视。', '实在没办法了才打这个电话。', '盼复。',
];
