import { DEFAULT_CLASSIFICATION_LIST } from '../classification/default-classification-list';
import { DEMO_COUNTY_CODE, DEMO_ORGANISATIONS, DEMO_REGIONS } from '../directory/demo-county';
import { RegionTree } from '../directory/region-tree';
import { buildDefaultRoutingRules } from './rule-engine';
import type { RoutingRule } from './routing-rule.types';
import { routingRuleProblems } from './rule-set-check';

const tree = new RegionTree(DEMO_REGIONS);
const rules = buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS, DEMO_ORGANISATIONS, 2);
const check = (rs: RoutingRule[]) => routingRuleProblems(rs, tree, DEMO_ORGANISATIONS, DEFAULT_CLASSIFICATION_LIST);
const base: RoutingRule = { id: 'noise@330621', version: 2, categoryCode: 'noise', regionCode: DEMO_COUNTY_CODE, leadOrgCode: 'dept_ecology', coOrgCodes: [], priority: 0 };

describe('routingRuleProblems', () => {
  it('finds nothing wrong with the default rules', () => {
    expect(check(rules)).toEqual([]);
  });

  it('names unknown organisations, regions and categories', () => {
    expect(check([{ ...base, leadOrgCode: 'dept_nope' }])).toEqual(['rule noise@330621 v2: unknown organisation dept_nope']);
    expect(check([{ ...base, regionCode: '999999' }])).toEqual(['rule noise@330621 v2: unknown region 999999']);
    expect(check([{ ...base, categoryCode: 'nope' }])).toEqual(['rule noise@330621 v2: unknown category nope']);
  });

  it('refuses a unit of a neighbouring place (属地)', () => {
    const problems = check([{ ...base, regionCode: '330621103', leadOrgCode: 'town_330621104' }]);
    expect(problems).toEqual(['rule noise@330621 v2: organisation town_330621104 (330621104) is outside region 330621103']);
  });

  it('refuses mixed versions, duplicates, the lead as co-unit and impossible scale conditions', () => {
    expect(check([base, { ...base, id: 'other', version: 3 }])).toEqual(['the set mixes rule versions 2, 3']);
    expect(check([base, base])).toEqual(['rule noise@330621 v2: duplicate id and version']);
    expect(check([{ ...base, coOrgCodes: ['dept_ecology'] }])).toEqual(['rule noise@330621 v2: the lead unit is also a co-handler']);
    expect(check([{ ...base, minHeadcount: 0, minAmountYuan: -5 }])).toEqual([
      'rule noise@330621 v2: minHeadcount must be a whole number ≥ 1',
      'rule noise@330621 v2: minAmountYuan must be ≥ 0',
    ]);
  });
});
