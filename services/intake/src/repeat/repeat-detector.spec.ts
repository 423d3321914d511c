import { judgeRepeat, type EarlierMatter } from './repeat-detector';

const at = (d: string) => new Date(`${d}T08:00:00+08:00`);
const coop: EarlierMatter = { id: 'a', description: '邻居在院子里搭建鸡舍养了五十多只鸡，臭味刺鼻，鸡叫声从凌晨四点开始，严重影响休息。', categoryCode: 'livestock_nuisance', receivedAt: at('2026-09-01') };
const wage: EarlierMatter = { id: 'b', description: '宏达建筑公司拖欠我们十二名工人三个月工资共计三十六万元。', categoryCode: 'wage_arrears', receivedAt: at('2026-10-01') };

describe('judgeRepeat', () => {
  it('links the same coop told again in other words', () => {
    const v = judgeRepeat('隔壁邻居院子里养鸡五十多只，鸡舍臭味很大，每天凌晨四点鸡叫吵得没法休息，之前反映过还没解决。', 'livestock_nuisance', [coop, wage]);
    expect(v).toMatchObject({ firstTime: false, repeatOf: 'a' });
  });

  it('treats a different matter of the same person as first-time', () => {
    expect(judgeRepeat('村里道路坑洼多年没有修，雨天孩子上学很危险。', 'rural_roads', [coop, wage])).toEqual({ firstTime: true, repeatOf: null, similarity: 0 });
  });

  it('does not link across categories, but does when the new matter has no category yet', () => {
    const text = '宏达建筑公司还是没有发放拖欠我们十二名工人的三个月工资三十六万元。';
    expect(judgeRepeat(text, 'labour_contract', [wage]).firstTime).toBe(true);
    expect(judgeRepeat(text, null, [wage])).toMatchObject({ firstTime: false, repeatOf: 'b' });
  });

  it('links the most recent of several similar matters', () => {
    const again = { ...coop, id: 'c', receivedAt: at('2026-10-15') };
    expect(judgeRepeat(coop.description, 'livestock_nuisance', [coop, again]).repeatOf).toBe('c');
  });
});
