import { TYPE_COLOURS, URGENCY_COLOURS } from './colour-policy';
import { emergencyTermsIn } from '@yikouban/contracts';
import { triage } from './triage';
import type { TriageCategory, TriageInput } from './triage.types';

const wage: TriageCategory = { code: 'wage_arrears', matterClass: 'claim', statutoryPaths: ['arbitration', 'litigation', 'mediation', 'petition'], defaultComplexity: 'complex', defaultColour: 'yellow', leadDepartmentType: 'human_resources', coDepartmentTypes: ['housing'] };
const coop: TriageCategory = { code: 'livestock_nuisance', matterClass: 'claim', statutoryPaths: ['mediation', 'petition'], defaultComplexity: 'simple', defaultColour: 'green', leadDepartmentType: 'agriculture', coDepartmentTypes: [] };
const corruption: TriageCategory = { code: 'corruption_report', matterClass: 'accusation', statutoryPaths: ['petition'], defaultComplexity: 'complex', defaultColour: 'red', leadDepartmentType: 'discipline', coDepartmentTypes: [] };
const policy: TriageCategory = { code: 'policy_consultation', matterClass: 'suggestion', statutoryPaths: ['consultation'], defaultComplexity: 'simple', defaultColour: 'blue', leadDepartmentType: 'petition', coDepartmentTypes: [] };
const fallback: TriageCategory = { code: 'other_claim', matterClass: 'claim', statutoryPaths: ['petition'], defaultComplexity: 'simple', defaultColour: 'green', leadDepartmentType: 'petition', coDepartmentTypes: [] };
const input = (over: Partial<TriageInput> & { description?: string } = {}): TriageInput => {
  const { description = '拖欠工资三个月', ...rest } = over;
  return { emergencyTerms: emergencyTermsIn(description), headcount: 1, collective: false, firstTime: true, ...rest };
};

describe('triage (法定优先、信访兜底)', () => {
  it('guides a wage claim to arbitration first, with the body and the reason', () => {
    const d = triage(wage, input(), URGENCY_COLOURS);
    expect(d).toMatchObject({ statutoryPath: 'arbitration', guidedTo: '劳动人事争议仲裁委员会等仲裁机构', diversion: null, complexity: 'complex', colour: 'blue' });
    expect(d.reason.zh).toContain('仲裁');
  });

  it('handles as a petition only when no other road exists', () => {
    expect(triage(fallback, input({ description: '其他诉求' }), URGENCY_COLOURS)).toMatchObject({ statutoryPath: 'petition', guidedTo: null });
  });

  it('diverts emergencies to 110, accusations to discipline inspection, repeats without new facts to a progress report', () => {
    expect(triage(wage, input({ description: '讨不到工资，有工人说要跳楼' }), URGENCY_COLOURS)).toMatchObject({ diversion: 'emergency_110', complexity: 'urgent', colour: 'red' });
    expect(triage(corruption, input({ description: '村干部挪用补偿款' }), URGENCY_COLOURS).diversion).toBe('discipline_inspection');
    expect(triage(coop, input({ repeatOf: 'x', firstTime: false }), URGENCY_COLOURS).diversion).toBe('progress_report');
    expect(triage(coop, input({ repeatOf: 'x', firstTime: false, newFacts: true }), URGENCY_COLOURS).diversion).toBeNull();
  });

  it('makes large groups difficult and colours them by the jurisdiction policy', () => {
    expect(triage(wage, input({ headcount: 40, collective: true }), URGENCY_COLOURS)).toMatchObject({ complexity: 'difficult', colour: 'yellow' });
    expect(triage(coop, input({ headcount: 6, collective: true }), URGENCY_COLOURS)).toMatchObject({ complexity: 'complex' });
  });

  it('colours by type under the second example policy', () => {
    expect(triage(policy, input({ description: '咨询社保政策' }), TYPE_COLOURS).colour).toBe('blue');
    expect(triage(wage, input(), TYPE_COLOURS).colour).toBe('orange');
    expect(triage(corruption, input(), TYPE_COLOURS).colour).toBe('red');
    expect(triage({ ...coop, coDepartmentTypes: ['ecology'] }, input(), TYPE_COLOURS).colour).toBe('yellow');
  });
});
