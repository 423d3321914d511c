import fc from 'fast-check';
import { agreementEffectiveAt, validateAgreement, type MediationAgreement } from './agreement';

const base: MediationAgreement = {
  id: 'agreement-1',
  parties: [
    { partyId: 'p-li', name: '李桂芳', role: 'applicant' },
    { partyId: 'p-wang', name: '王建国', role: 'respondent' },
  ],
  factsAndDispute: '王建国加高院墙后排水沟被堵，雨季积水倒灌李桂芳家',
  responsibilities: '王建国负主要责任',
  terms: ['王建国于十日内疏通排水沟', '王建国赔偿三千元'],
  performance: { manner: '现场施工并当面支付', deadline: '2026-04-30' },
  mediator: { id: 'mediator-chen', name: '陈调解' },
  organisation: { orgCode: 'shaping_mediation_committee', name: '沙坪街道人民调解委员会' },
  signatures: [
    { partyId: 'p-li', signedAt: '2026-03-10T10:00:00+08:00', method: 'e_signature' },
    { partyId: 'p-wang', signedAt: '2026-03-10T10:05:00+08:00', method: 'fingerprint' },
  ],
};

const codes = (a: MediationAgreement) => validateAgreement(a).map((e) => `${e.code}:${e.field}`);

describe('validateAgreement (人民调解法 Art 29; 在线调解规则 Art 19/20)', () => {
  it('accepts a complete agreement signed by every party', () => {
    expect(validateAgreement(base)).toEqual([]);
  });

  it.each([
    ['factsAndDispute', { factsAndDispute: ' ' }],
    ['responsibilities', { responsibilities: '' }],
    ['terms', { terms: [] }],
    ['terms', { terms: ['疏通排水沟', ''] }],
    ['performance.manner', { performance: { manner: '', deadline: '2026-04-30' } }],
    ['performance.deadline', { performance: { manner: '转账', deadline: '' } }],
    ['mediator.id', { mediator: { id: '', name: '陈调解' } }],
    ['organisation.name', { organisation: { orgCode: 'x', name: '' } }],
  ] as const)('names the missing %s', (field, patch) => {
    expect(codes({ ...base, ...patch })).toEqual([`missing_field:${field}`]);
  });

  it('names each party who has not signed', () => {
    const errors = validateAgreement({ ...base, signatures: [] });
    expect(errors.map((e) => [e.code, e.partyId])).toEqual([
      ['missing_signature', 'p-li'],
      ['missing_signature', 'p-wang'],
    ]);
    expect(errors[0].message).toMatch(/^当事人李桂芳尚未签章/);
  });

  it('rejects strangers, double signatures, bad methods and bad dates', () => {
    const signatures = [
      ...base.signatures,
      { partyId: 'p-zhang', signedAt: '2026-03-10T11:00:00+08:00', method: 'e_signature' as const },
      { partyId: 'p-li', signedAt: 'yesterday', method: 'stamp' as never },
    ];
    expect(codes({ ...base, signatures })).toEqual([
      'unknown_signatory:signatures[2].partyId',
      'duplicate_signature:signatures[3].partyId',
      'invalid_date:signatures[3].signedAt',
      'invalid_signature_method:signatures[3].method',
    ]);
    expect(codes({ ...base, performance: { manner: '转账', deadline: '月底' } })).toEqual(['invalid_date:performance.deadline']);
  });

  it('needs two distinct parties', () => {
    expect(codes({ ...base, parties: [base.parties[0]], signatures: [base.signatures[0]] })).toEqual(['too_few_parties:parties']);
    expect(codes({ ...base, parties: [base.parties[0], base.parties[0]], signatures: [base.signatures[0]] })).toEqual(['duplicate_party:parties[1].partyId']);
  });

  it('survives hostile input with whole objects missing', () => {
    const hostile = { id: 'x' } as unknown as MediationAgreement;
    const found = codes(hostile);
    expect(found).toEqual(expect.arrayContaining(['missing_field:factsAndDispute', 'missing_field:performance.manner', 'missing_field:terms', 'too_few_parties:parties']));
    expect(agreementEffectiveAt(hostile)).toBeNull();
  });
});

describe('agreementEffectiveAt', () => {
  it('is the last signature', () => {
    expect(agreementEffectiveAt(base)?.toISOString()).toBe('2026-03-10T02:05:00.000Z');
  });

  it('is null until every party has signed', () => {
    expect(agreementEffectiveAt({ ...base, signatures: base.signatures.slice(1) })).toBeNull();
  });

  it('is the latest signature whatever the order and number of parties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 10 }), { minLength: 2, maxLength: 8 }), (offsets) => {
        const start = Date.parse('2026-01-01T00:00:00Z');
        const parties = offsets.map((_, i) => ({ partyId: `p${i}`, name: `当事人${i}`, role: i === 0 ? ('applicant' as const) : ('respondent' as const) }));
        const signatures = offsets.map((o, i) => ({ partyId: `p${i}`, signedAt: new Date(start + o).toISOString(), method: 'e_signature' as const }));
        expect(agreementEffectiveAt({ ...base, parties, signatures })?.getTime()).toBe(start + Math.max(...offsets));
      }),
    );
  });
});
