import type { CategorySeed } from './classification.types';
import { assertValidClassificationList, ClassificationListError, classificationListProblems } from './validate-classification-list';

const sound: CategorySeed = {
  code: 'wage_arrears', name: '拖欠工资', nameEn: 'Wage arrears', matterClass: 'claim',
  statutoryPaths: ['arbitration', 'litigation', 'petition'],
  leadDepartmentType: 'human_resources', coDepartmentTypes: ['housing'], handledAtTownLevel: false,
  laws: ['《劳动争议调解仲裁法》第五条'], defaultComplexity: 'urgent', defaultColour: 'red', keywords: ['欠薪'],
};
const accusation: CategorySeed = { ...sound, code: 'corruption_report', matterClass: 'accusation', statutoryPaths: ['petition'], leadDepartmentType: 'discipline', coDepartmentTypes: [] };
const problems = (...list: CategorySeed[]) => classificationListProblems(list);

describe('classificationListProblems', () => {
  it('finds nothing wrong with a sound list', () => {
    expect(problems(sound, accusation)).toEqual([]);
  });

  it('refuses petition anywhere but last, empty roads, repeated and unknown roads', () => {
    expect(problems({ ...sound, statutoryPaths: ['petition', 'litigation'] })).toEqual(['wage_arrears: petition must be the last statutory path (信访兜底)']);
    expect(problems({ ...sound, statutoryPaths: [] })).toEqual(['wage_arrears: at least one statutory path is required']);
    expect(problems({ ...sound, statutoryPaths: ['litigation', 'litigation'] })).toEqual(['wage_arrears: a statutory path is listed twice']);
    expect(problems({ ...sound, statutoryPaths: ['appeal' as CategorySeed['statutoryPaths'][number]] })).toEqual(['wage_arrears: unknown statutory path appeal']);
  });

  it('refuses an accusation led by, shared with or handled near a unit that may be the accused', () => {
    expect(problems({ ...accusation, leadDepartmentType: 'public_security' })).toEqual(['corruption_report: an accusation must be led by an oversight body']);
    expect(problems({ ...accusation, coDepartmentTypes: ['housing'] })).toEqual(['corruption_report: an accusation may only be shared with oversight bodies']);
    expect(problems({ ...accusation, handledAtTownLevel: true })).toEqual(['corruption_report: an accusation is never handled by the town government']);
  });

  it('refuses duplicate codes, bad codes, lead repeated as co, unknown types, missing laws and keywords', () => {
    expect(problems(sound, sound)).toEqual(['wage_arrears: duplicate category code']);
    expect(problems({ ...sound, code: 'Wage-Arrears' })).toEqual(['Wage-Arrears: code must be snake_case']);
    expect(problems({ ...sound, coDepartmentTypes: ['human_resources'] })).toEqual(['wage_arrears: the lead department type is also a co-handler']);
    expect(problems({ ...sound, leadDepartmentType: 'tax' as CategorySeed['leadDepartmentType'] })).toEqual(['wage_arrears: unknown department type tax']);
    expect(problems({ ...sound, laws: [] })).toEqual(['wage_arrears: at least one law or regulation is required']);
    expect(problems({ ...sound, laws: ['劳动法'] })).toEqual(['wage_arrears: law "劳动法" must start with its title in 《》']);
    expect(problems({ ...sound, keywords: [] })).toEqual(['wage_arrears: at least one keyword is required']);
  });

  it('throws every problem at once from assertValidClassificationList', () => {
    expect(() => assertValidClassificationList([sound])).not.toThrow();
    let caught: unknown;
    try {
      assertValidClassificationList([{ ...sound, statutoryPaths: ['petition', 'mediation'], keywords: [] }]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ClassificationListError);
    expect((caught as ClassificationListError).problems).toHaveLength(2);
  });
});
