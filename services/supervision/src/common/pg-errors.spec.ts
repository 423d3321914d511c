import { violatedConstraint } from './pg-errors';

describe('violatedConstraint', () => {
  it("names the unique or check constraint, from TypeORM's wrapped error or pg's own", () => {
    expect(violatedConstraint({ driverError: { code: '23505', constraint: 'public_evaluation_one_open' } })).toBe('public_evaluation_one_open');
    expect(violatedConstraint({ code: '23514', constraint: 'reception_day_half' })).toBe('reception_day_half');
  });

  it('answers null for any other failure', () => {
    expect(violatedConstraint({ code: '23503', constraint: 'fk_grievance' })).toBeNull();
    expect(violatedConstraint(new Error('connection reset'))).toBeNull();
    expect(violatedConstraint({ driverError: { code: '23505' } })).toBeNull();
  });
});
