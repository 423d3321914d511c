import { randomUUID } from 'node:crypto';
import type { GrievanceReceivedV1 } from '@yikouban/contracts';

/** A received grievance in the demo county as intake announces it; fresh ids and tracking code each call. */
export const receivedFact = (over: Partial<GrievanceReceivedV1> = {}): GrievanceReceivedV1 => ({
  grievanceId: randomUUID(),
  trackingCode: `330621-26-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
  channel: 'web',
  regionCode: '330621101202',
  categoryCode: 'wage_arrears',
  headcount: 1,
  collective: false,
  receivedAt: new Date().toISOString(),
  ...over,
});
