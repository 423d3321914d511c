import type { MediationCommand } from '@yikouban/contracts';
import { actorOf, Clock, MEDIATOR_ID, ORGS, stateAt } from './domain/handoff.fixtures';
import { mayIssue, toDomainStep } from './handoff-command-mapper';
import { decodeCursor, encodeCursor } from './handoff-reads';

describe('wire commands to domain commands', () => {
  const inSession = stateAt('in_session', new Clock());
  const ctx = { state: inSession, by: actorOf(ORGS.committee.orgCode), mediatorName: '陈调解', newId: () => '00000000-0000-4000-8000-000000000001' };

  it('lets the receiving organisation mediate, the court register an application, the source follow performance', () => {
    const t = ORGS.committee.orgCode;
    const accept: MediationCommand = { type: 'accept' };
    expect(mayIssue(accept, inSession, t)).toBe(true);
    expect(mayIssue(accept, inSession, ORGS.petitionOffice.orgCode)).toBe(false);
    const apply: MediationCommand = { type: 'request_judicial_confirmation', courtOrgCode: ORGS.court.orgCode, at: '2026-03-03T00:00:00Z' };
    expect([t, ORGS.court.orgCode, ORGS.police.orgCode].map((o) => mayIssue(apply, inSession, o))).toEqual([true, true, false]);
    const perf: MediationCommand = { type: 'record_performance', status: 'performing', note: '' };
    expect([t, ORGS.petitionOffice.orgCode, ORGS.court.orgCode].map((o) => mayIssue(perf, inSession, o))).toEqual([true, true, false]);
  });

  it('fills the agreement from the handoff: parties, appointed mediator, receiving organisation, a new id', () => {
    const step = toDomainStep(
      { type: 'conclude_agreement', agreement: { factsAndDispute: 'f', responsibilities: 'r', terms: ['t'], performance: { manner: 'm', deadline: '2026-04-30' }, signatures: [] } },
      ctx,
    );
    expect(step).toMatchObject({
      kind: 'transition',
      command: {
        type: 'conclude_agreement',
        agreement: {
          id: '00000000-0000-4000-8000-000000000001',
          parties: [{ partyId: 'p-li', name: '李桂芳', role: 'applicant' }, { partyId: 'p-wang', name: '王建国', role: 'respondent' }],
          mediator: { id: MEDIATOR_ID, name: '陈调解' },
          organisation: { orgCode: ORGS.committee.orgCode, name: ORGS.committee.name },
        },
      },
    });
  });

  it('turns instants into Dates and numbers sessions when no id is given', () => {
    const step = toDomainStep({ type: 'schedule_session', at: '2026-03-03T02:00:00Z', mode: 'online' }, ctx);
    expect(step).toEqual({ kind: 'transition', command: { type: 'schedule_session', sessionId: 'session-2', at: new Date('2026-03-03T02:00:00Z'), mode: 'online', by: ctx.by } });
    expect(toDomainStep({ type: 'withdraw_request', reason: '撤回' }, ctx)).toEqual({ kind: 'withdraw', request: { reason: '撤回', by: ctx.by } });
  });

  it('numbers recorded parties without ids as a request does, and leaves them to the receiving organisation', () => {
    const cmd: MediationCommand = { type: 'record_parties', parties: [{ name: '赵某', role: 'applicant' }, { id: 'p-co', name: '某物业公司', role: 'respondent' }] };
    expect(toDomainStep(cmd, ctx)).toEqual({
      kind: 'transition',
      command: { type: 'record_parties', parties: [{ id: 'party-1', name: '赵某', role: 'applicant' }, { id: 'p-co', name: '某物业公司', role: 'respondent' }], by: ctx.by },
    });
    expect([ORGS.committee.orgCode, ORGS.petitionOffice.orgCode].map((o) => mayIssue(cmd, inSession, o))).toEqual([true, false]);
  });

  it('pages with an opaque cursor that refuses anything it did not make', () => {
    const at = new Date('2026-03-02T01:02:03.456Z');
    const id = '3437fb35-c1c5-4409-84c8-dd01e8c37b9d';
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ createdAt: at.toISOString(), id });
    for (const bad of ['', 'abc', Buffer.from('["x","y"]').toString('base64url'), Buffer.from(JSON.stringify([at.toISOString(), 'not-a-uuid'])).toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    }
  });
});
