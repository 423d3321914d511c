import { patchedCase, type SupervisedCase } from './case-tally';

const open: SupervisedCase = {
  grievanceId: '0b6f0b36-5d0d-4b43-9d43-7c5f8e0c6a11', trackingCode: '330621-26-0001A', regionCode: '330621102', orgCode: 'dept_a', categoryCode: 'wages',
  open: true, merged: null, withdrawnAt: null,
};
const withdrawnAt = new Date('2026-03-01T02:00:00Z');

describe('what a fact does to a supervised case', () => {
  it('closes a case the petitioner withdrew, and keeps the mark', () => {
    expect(patchedCase(open, { withdrawnAt })).toEqual({ ...open, open: false, withdrawnAt });
  });

  it('keeps a withdrawn case closed whatever comes after (a receipt, a reply reopening it), still taking its dimensions', () => {
    const withdrawn = { ...open, open: false, withdrawnAt, regionCode: '', categoryCode: '' };
    expect(patchedCase(withdrawn, { open: true, regionCode: '330621102', categoryCode: 'housing' })).toEqual({ ...withdrawn, regionCode: '330621102', categoryCode: 'housing' });
  });

  it('keeps the first withdrawal when an equivalent fact comes again', () => {
    const withdrawn = patchedCase(open, { withdrawnAt });
    expect(patchedCase(withdrawn, { withdrawnAt: new Date('2026-03-09T00:00:00Z') })).toEqual(withdrawn);
  });

  it('still opens and closes a case neither merged nor withdrawn', () => {
    expect(patchedCase({ ...open, open: false }, { open: true })).toEqual(open);
    expect(patchedCase(open, { open: false })).toEqual({ ...open, open: false });
  });

  it('keeps a merged case closed too', () => {
    const merged = { ...open, open: false, merged: { intoId: '5e7f2d8c-2a2f-4c1e-8f65-1b9a2d6b7c33', at: withdrawnAt } };
    expect(patchedCase(merged, { open: true })).toEqual(merged);
  });
});
