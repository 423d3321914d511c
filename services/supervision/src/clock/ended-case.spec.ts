import { caseEnd, stopInstant, withdrawnCause } from './ended-case';

const survivor = '6f1c1a52-54f9-4bd4-9d1e-4f3c39a1e0b7';
const assigned = 'routing.assignment.created 7d5c';

describe('how a merged or withdrawn case ends the clocks a later fact starts', () => {
  it('finds no end while the case runs', () => {
    expect(caseEnd({ merged: null, withdrawnAt: null }, assigned)).toBeNull();
  });

  it('names the withdrawal, and that it was applied before the fact', () => {
    const at = new Date('2026-03-02T01:00:00Z');
    expect(caseEnd({ merged: null, withdrawnAt: at }, assigned)).toEqual({
      at, cause: `withdrawn: intake.grievance.withdrawn, applied before ${assigned}`,
    });
    expect(withdrawnCause('intake.grievance.withdrawn 1a2b')).toBe('withdrawn: intake.grievance.withdrawn 1a2b');
  });

  it('names the merge and its survivor', () => {
    const at = new Date('2026-03-02T01:00:00Z');
    expect(caseEnd({ merged: { intoId: survivor, at }, withdrawnAt: null }, assigned)).toEqual({
      at, cause: `merged into ${survivor}: intake.grievance.merged, applied before ${assigned}`,
    });
  });

  it('takes the earlier end when the grievance was both merged and withdrawn', () => {
    const merge = new Date('2026-03-02T01:00:00Z');
    const withdrawal = new Date('2026-03-01T01:00:00Z');
    expect(caseEnd({ merged: { intoId: survivor, at: merge }, withdrawnAt: withdrawal }, assigned)?.at).toEqual(withdrawal);
    expect(caseEnd({ merged: { intoId: survivor, at: withdrawal }, withdrawnAt: merge }, assigned)?.cause).toMatch(/^merged into /);
  });

  it('stops a clock at the end, or at its own start when it started after the end: never before it', () => {
    const end = new Date('2026-03-02T01:00:00Z');
    const before = new Date('2026-03-01T01:00:00Z');
    const after = new Date('2026-03-05T01:00:00Z');
    expect(stopInstant(before, end)).toEqual(end);
    expect(stopInstant(after, end)).toEqual(after);
    expect(stopInstant(end, end)).toEqual(end);
  });
});
