import type { Complexity, TriageCategory, TriageInput, WarningColour } from './triage.types';

/** What each colour means is a per-jurisdiction policy, not code (DESIGN: 四色预警). */
export interface ColourPolicy {
  code: string;
  name: string;
  colourFor(category: TriageCategory, input: TriageInput, complexity: Complexity): WarningColour;
}

/** Scheme A — by urgency: red urgent, yellow difficult or collective, blue complex, green simple. */
export const URGENCY_COLOURS: ColourPolicy = {
  code: 'urgency_rybg',
  name: '按紧急程度：红/黄/蓝/绿',
  colourFor: (_c, input, complexity) => {
    if (complexity === 'urgent') return 'red';
    if (complexity === 'difficult' || input.collective) return 'yellow';
    if (complexity === 'complex') return 'blue';
    return 'green';
  },
};

/**
 * Scheme B — by type (Jinhu's four-colour tickets): blue consultation, yellow multi-department,
 * orange law-related, red complaint or report.
 */
export const TYPE_COLOURS: ColourPolicy = {
  code: 'type_byor',
  name: '按类型：蓝(咨询)/黄(多部门)/橙(涉法)/红(投诉举报)',
  colourFor: (c) => {
    if (c.matterClass === 'accusation') return 'red';
    if (c.statutoryPaths.some((p) => p === 'litigation' || p === 'arbitration' || p === 'administrative_review')) return 'orange';
    if (c.coDepartmentTypes.length > 0) return 'yellow';
    return 'blue';
  },
};

export const COLOUR_POLICIES: Record<string, ColourPolicy> = { [URGENCY_COLOURS.code]: URGENCY_COLOURS, [TYPE_COLOURS.code]: TYPE_COLOURS };

/** Injection token: the colour policy of this jurisdiction. */
export const COLOUR_POLICY = Symbol('COLOUR_POLICY');
