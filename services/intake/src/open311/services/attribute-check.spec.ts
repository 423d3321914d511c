import type { CategorySummary } from '@yikouban/contracts';
import type { Open311ServiceDefinition } from '../open311.types';
import { checkAttributes } from './attribute-check';
import { serviceDefinition, toOpen311Service } from './service-definitions';

const DEFINITION: Open311ServiceDefinition = {
  service_code: 'test',
  attributes: [
    { variable: true, code: 'plate', datatype: 'string', required: true, datatype_description: null, order: 1, description: '车牌 (plate)' },
    { variable: true, code: 'story', datatype: 'text', required: false, datatype_description: null, order: 2, description: '经过 (what happened)' },
    { variable: true, code: 'side', datatype: 'singlevaluelist', required: false, datatype_description: null, order: 3, description: '方向', values: [{ key: 'n', name: '北' }, { key: 's', name: '南' }] },
    { variable: false, code: 'note', datatype: 'text', required: false, datatype_description: null, order: 4, description: '说明，无需填写 (information only)' },
  ],
};

describe('checkAttributes', () => {
  it('takes the values a definition asks for, trimmed and typed', () => {
    expect(checkAttributes(DEFINITION, { plate: ' 浙D12345 ', side: 's', story: '夜里' })).toEqual({ ok: true, values: { plate: '浙D12345', side: 's', story: '夜里' } });
  });

  it('asks for required attributes, refuses unknown list keys, long strings and informational attributes', () => {
    const r = checkAttributes(DEFINITION, { side: 'east', story: 'x'.repeat(4001), note: 'hi' });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.problems.join(' | ');
    expect(text).toMatch(/attribute\[plate\] is required/);
    expect(text).toMatch(/attribute\[side\] takes only: n, s/);
    expect(text).toMatch(/attribute\[story\] is longer than 4000/);
    expect(text).toMatch(/has no attribute note/);
    expect(checkAttributes(DEFINITION, { plate: 'x'.repeat(256) }).ok).toBe(false);
    expect(checkAttributes(DEFINITION, { plate: ['a', 'b'] }).ok).toBe(false);
  });

  it('reads a JSON number as the form would carry it', () => {
    expect(checkAttributes(serviceDefinition(category([])), { headcount: 12 })).toEqual({ ok: true, values: { headcount: 12 } });
  });

  it('treats no attributes at all as none given', () => {
    expect(checkAttributes(serviceDefinition(category([])), undefined)).toEqual({ ok: true, values: {} });
    expect(checkAttributes(DEFINITION, undefined).ok).toBe(false);
  });
});

function category(paths: string[]): CategorySummary {
  return { code: 'wage_arrears', name: '拖欠工资', nameEn: 'Wage arrears', matterClass: 'claim', statutoryPaths: paths, keywords: ['欠薪', '工资'], listVersion: 3 };
}

describe('services from the classification list', () => {
  it('lists a category as a realtime service with bilingual name, group and keywords', () => {
    expect(toOpen311Service(category(['arbitration', 'litigation']))).toEqual({
      service_code: 'wage_arrears',
      service_name: '拖欠工资 (Wage arrears)',
      description: '申诉求决；法定途径：仲裁、诉讼 (Appeals and claims; statutory paths: arbitration, litigation)',
      metadata: true,
      type: 'realtime',
      keywords: '欠薪,工资',
      group: '申诉求决 (Appeals and claims)',
    });
  });

  it('offers the paths already tried only where the category has statutory paths, ordered', () => {
    const withPaths = serviceDefinition(category(['arbitration']));
    expect(withPaths.attributes.map((a) => [a.code, a.datatype, a.order])).toEqual([
      ['headcount', 'number', 1],
      ['occurred_at', 'datetime', 2],
      ['paths_tried', 'multivaluelist', 3],
    ]);
    expect(withPaths.attributes[2].values).toEqual([{ key: 'arbitration', name: '仲裁 (arbitration)' }]);
    expect(serviceDefinition(category([])).attributes.map((a) => a.code)).toEqual(['headcount', 'occurred_at']);
  });
});
