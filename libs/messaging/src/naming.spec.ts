import { Namespace } from './naming';

describe('Namespace', () => {
  it('is the identity in production', () => {
    const ns = new Namespace('');
    expect(ns.subject('intake.grievance.received')).toBe('intake.grievance.received');
    expect(ns.stream('intake')).toBe('INTAKE');
    expect(ns.deadLetterSubject('routing', 'intake.grievance.received')).toBe('dlq.routing.intake.grievance.received');
  });

  it('prefixes subjects and streams so runs never collide, and strips the prefix again', () => {
    const ns = new Namespace('t1a2b');
    expect(ns.subject('intake.grievance.received')).toBe('t1a2b.intake.grievance.received');
    expect(ns.unprefix('t1a2b.intake.grievance.received')).toBe('intake.grievance.received');
    expect(ns.stream('dlq')).toBe('T1A2B_DLQ');
    expect(ns.durable('routing', 'intake.grievance.received')).toBe('routing__intake_grievance_received');
  });
});
