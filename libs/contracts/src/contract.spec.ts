import { randomUUID } from 'node:crypto';
import { EVENT_CONTRACTS, GrievanceReceived, validateEnvelope, type EventEnvelope, type GrievanceReceivedV1 } from './index';

const envelope = (data: Partial<GrievanceReceivedV1> & Record<string, unknown> = {}, over: Partial<EventEnvelope<unknown>> = {}) => ({
  id: randomUUID(),
  type: 'intake.grievance.received',
  v: 1,
  occurredAt: '2026-11-22T12:00:00.000Z',
  data: {
    grievanceId: randomUUID(),
    trackingCode: '330621-26-2223G',
    channel: 'walk_in',
    regionCode: '330621101',
    headcount: 1,
    collective: false,
    receivedAt: '2026-11-22T12:00:00.000Z',
    ...data,
  },
  ...over,
});

describe('event contracts', () => {
  it('accepts a well-formed envelope', async () => {
    const r = await validateEnvelope(GrievanceReceived, envelope());
    expect(r.ok).toBe(true);
  });

  it.each([
    ['an unknown channel', envelope({ channel: 'fax' as never }), 'channel'],
    ['a field the contract does not have', envelope({ petitionerPhone: '13800000000' }), 'petitionerPhone'],
    ['a headcount of zero', envelope({ headcount: 0 }), 'headcount'],
    ['a newer version', envelope({}, { v: 2 }), 'unsupported version 2'],
    ['another subject', envelope({}, { type: 'intake.grievance.withdrawn' }), 'is not intake.grievance.received'],
    ['a non-uuid id', envelope({}, { id: '42' }), 'uuid'],
  ])('refuses %s with a reason naming it', async (_what, raw, needle) => {
    const r = await validateEnvelope(GrievanceReceived, raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(needle);
  });

  it('names every subject once, owned by the service it starts with', () => {
    const subjects = EVENT_CONTRACTS.map((c) => c.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const c of EVENT_CONTRACTS) {
      expect(c.subject.startsWith(`${c.owner}.`)).toBe(true);
      expect(c.subject).toMatch(/^[a-z]+\.[a-z_]+\.[a-z_]+$/);
    }
  });
});
