import { defineEvent } from '../contract';
import { AssignmentFactBase } from './routing-assignment-common';

/** The unit signed for its assignment (签收): supervision stops the acceptance clock. */
export class AssignmentAcceptedV1 extends AssignmentFactBase {}

export const AssignmentAccepted = defineEvent('routing.assignment.accepted', 1, AssignmentAcceptedV1);
