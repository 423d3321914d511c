import type { CategorySummary } from '@yikouban/contracts';
import type { Open311Attribute, Open311Service, Open311ServiceDefinition } from '../open311.types';

type Bilingual = { zh: string; en: string };

/** 信访工作条例 第二十九至三十一条: the three kinds of matter. */
const MATTER_CLASS: Readonly<Record<CategorySummary['matterClass'], Bilingual>> = {
  suggestion: { zh: '建议意见', en: 'Suggestions and opinions' },
  accusation: { zh: '检举控告', en: 'Reports and accusations' },
  claim: { zh: '申诉求决', en: 'Appeals and claims' },
};

/** 法定途径: the roads a matter can take, by the codes of the classification list. */
const STATUTORY_PATH: Readonly<Record<string, Bilingual>> = {
  litigation: { zh: '诉讼', en: 'litigation' },
  arbitration: { zh: '仲裁', en: 'arbitration' },
  administrative_review: { zh: '行政复议', en: 'administrative review' },
  administrative_action: { zh: '行政处理', en: 'administrative action' },
  mediation: { zh: '调解', en: 'mediation' },
  petition: { zh: '信访', en: 'petition' },
  consultation: { zh: '咨询', en: 'consultation' },
};

function pathLabel(code: string): Bilingual {
  return STATUTORY_PATH[code] ?? { zh: code, en: code };
}

/** The attribute codes Open311 clients send as `attribute[code]=…`. */
export const ATTRIBUTE = { headcount: 'headcount', occurredAt: 'occurred_at', pathsTried: 'paths_tried' } as const;

/** Every service is answered at once with a tracking code, hence `realtime`. */
export function toOpen311Service(c: CategorySummary): Open311Service {
  const kind = MATTER_CLASS[c.matterClass] ?? { zh: c.matterClass, en: c.matterClass };
  const paths = c.statutoryPaths.map(pathLabel);
  const description = paths.length
    ? `${kind.zh}；法定途径：${paths.map((p) => p.zh).join('、')} (${kind.en}; statutory paths: ${paths.map((p) => p.en).join(', ')})`
    : `${kind.zh} (${kind.en})`;
  return {
    service_code: c.code,
    service_name: c.nameEn ? `${c.name} (${c.nameEn})` : c.name,
    description,
    metadata: serviceDefinition(c).attributes.length > 0,
    type: 'realtime',
    keywords: c.keywords.join(','),
    group: `${kind.zh} (${kind.en})`,
  };
}

/**
 * What a reporter may add beyond the description: how many people it concerns (five or more make
 * a collective matter), when it happened, and which statutory roads were already tried — the
 * last only where the category has such roads.
 */
export function serviceDefinition(c: CategorySummary): Open311ServiceDefinition {
  const attributes: Open311Attribute[] = [
    {
      variable: true,
      code: ATTRIBUTE.headcount,
      datatype: 'number',
      required: false,
      datatype_description: '1 至 100000 的整数 (a whole number from 1 to 100000)',
      order: 1,
      description: '涉及人数 (how many people are affected)',
    },
    {
      variable: true,
      code: ATTRIBUTE.occurredAt,
      datatype: 'datetime',
      required: false,
      datatype_description: 'W3C 日期时间，如 2024-11-22T09:30:00+08:00 (a W3C date-time)',
      order: 2,
      description: '事情发生的时间 (when it happened)',
    },
  ];
  if (c.statutoryPaths.length) {
    attributes.push({
      variable: true,
      code: ATTRIBUTE.pathsTried,
      datatype: 'multivaluelist',
      required: false,
      datatype_description: null,
      order: 3,
      description: '已经尝试过的途径 (statutory paths already tried)',
      values: c.statutoryPaths.map((key) => {
        const label = pathLabel(key);
        return { key, name: `${label.zh} (${label.en})` };
      }),
    });
  }
  return { service_code: c.code, attributes };
}
