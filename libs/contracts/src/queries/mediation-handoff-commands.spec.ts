import { randomUUID } from 'node:crypto';
import { validatePayload } from '../contract';
import { ActOnHandoff, RequestHandoff } from './mediation-handoff-commands';
import { HandoffsSent } from './mediation-handoff-queries';

const by = { userId: 'u-1', orgCode: 'med_committee_chengguan' };
const act = (command: unknown, extra: Record<string, unknown> = {}) => validatePayload(ActOnHandoff, { handoffId: randomUUID(), by, command, ...extra });
const fieldsOf = (r: Awaited<ReturnType<typeof act>>) => (r.ok ? [] : r.fields.map((f) => f.field));

describe('mediation command contracts', () => {
  it('reads each command as its own class, keeping its type', async () => {
    const r = await act({ type: 'decline', reason: '不属于本委员会调解范围' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.command).toMatchObject({ type: 'decline', reason: '不属于本委员会调解范围' });
  });

  it.each([
    ['an unknown type', { type: 'teleport' }, 'command.type'],
    ['a field another command has', { type: 'accept', reason: 'x' }, 'command.reason'],
    ['a decline without reason', { type: 'decline' }, 'command.reason'],
    ['a session at no date', { type: 'schedule_session', at: 'tomorrow', mode: 'online' }, 'command.at'],
    ['parties with a role a dispute has not', { type: 'record_parties', parties: [{ name: '甲', role: 'judge' }, { name: '乙', role: 'respondent' }] }, 'command.parties.0.role'],
    ['a single party', { type: 'record_parties', parties: [{ name: '甲', role: 'applicant' }] }, 'command.parties'],
    ['a party with a phone number', { type: 'record_parties', parties: [{ name: '甲', role: 'applicant', phone: '13800000000' }, { name: '乙', role: 'respondent' }] }, 'command.parties.0.phone'],
    ['an agreement with a bad signature method', { type: 'conclude_agreement', agreement: { factsAndDispute: 'f', responsibilities: 'r', terms: ['t'], performance: { manner: 'm', deadline: '2026-12-01' }, signatures: [{ partyId: 'p1', signedAt: '2026-11-20T10:00:00Z', method: 'thumbs_up' }] } }, 'command.agreement.signatures.0.method'],
  ])('refuses %s naming the field', async (_what, command, field) => {
    expect(fieldsOf(await act(command))).toContain(field);
  });

  it('refuses a command that is not an object and a version other than 1', async () => {
    expect(fieldsOf(await act('accept'))).toContain('command');
    expect(fieldsOf(await act({ type: 'accept' }, { v: 2 }))).toContain('v');
  });

  const request = {
    kind: 'litigation_mediation',
    stage: 'post_filing',
    procedure: 'simple',
    sourceOrgCode: 'med_court',
    targetOrgCode: 'med_committee',
    sourceReference: '(2026)浙0621民初123号',
    matter: '买卖合同纠纷',
    parties: [{ name: '甲', role: 'applicant' }, { name: '乙', role: 'respondent' }],
    by: { userId: 'judge-1', orgCode: 'med_court' },
  };

  it('asks litigation for its stage and post-filing for its procedure; 访调 for its grievance', async () => {
    expect((await validatePayload(RequestHandoff, request)).ok).toBe(true);
    const noProcedure = await validatePayload(RequestHandoff, { ...request, procedure: undefined });
    expect(noProcedure.ok ? [] : noProcedure.fields.map((f) => f.field)).toEqual(['procedure']);
    const petition = await validatePayload(RequestHandoff, { ...request, kind: 'petition_mediation', stage: undefined, procedure: undefined });
    expect(petition.ok ? [] : petition.fields.map((f) => f.field)).toEqual(['grievanceId']);
  });

  it('keeps identity numbers out of the parties', async () => {
    const r = await validatePayload(RequestHandoff, { ...request, parties: [{ name: '甲', role: 'applicant', idNumber: '11010519491231002X' }, request.parties[1]] });
    expect(r.ok ? [] : r.fields.map((f) => f.field)).toEqual(['parties.0.idNumber']);
  });

  it('lets the sending side ask by organisation or by grievance, not by nothing', async () => {
    expect((await validatePayload(HandoffsSent, { grievanceId: randomUUID() })).ok).toBe(true);
    expect((await validatePayload(HandoffsSent, { sourceOrgCode: 'med_court' })).ok).toBe(true);
    expect((await validatePayload(HandoffsSent, {})).ok).toBe(false);
  });
});
