import { HANDOFF_ERROR_CODES, HandoffTransitionError, transition } from './domain';
import { actorOf, Clock, stateAt } from './domain/handoff.fixtures';
import { applyDomain, commandField, requestField, rpcCodeOf, toDomainError } from './handoff-errors';

describe('refused transitions at the NATS edge', () => {
  it('gives every domain code an edge code: FORBIDDEN for the actor, CONFLICT for state, BAD_REQUEST for input', () => {
    const byCode = Object.fromEntries(HANDOFF_ERROR_CODES.map((c) => [c, rpcCodeOf(c)]));
    expect(byCode).toMatchObject({ actor_not_permitted: 'FORBIDDEN', illegal_transition: 'CONFLICT', deadline_passed: 'CONFLICT', invalid_command: 'BAD_REQUEST', invalid_agreement: 'BAD_REQUEST', conflict_of_interest: 'BAD_REQUEST' });
    expect(new Set(Object.values(byCode))).toEqual(new Set(['FORBIDDEN', 'CONFLICT', 'BAD_REQUEST']));
  });

  it('puts the domain code first in the message and in the field problem', () => {
    const clock = new Clock();
    const s = stateAt('requested', clock);
    const err = (() => {
      try {
        applyDomain(() => transition(s, { type: 'record_consent', partyId: 'p-li', consents: true, by: actorOf(s.target.orgCode) }, clock.tick()));
      } catch (e) {
        return e as ReturnType<typeof toDomainError>;
      }
      throw new Error('expected a refusal');
    })();
    expect(err).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^illegal_transition: /), fields: [{ field: 'command.type', problems: [expect.stringMatching(/^illegal_transition: /)] }] });
  });

  it('names wire fields: the actor on top, list items dotted, agreement problems one by one', () => {
    expect(commandField('by.orgCode')).toBe('by.orgCode');
    expect(commandField('consentingPartyIds[1]')).toBe('command.consentingPartyIds.1');
    expect(requestField('target.kind')).toBe('targetOrgCode');
    expect(requestField('parties[0].name')).toBe('parties.0.name');
    expect(requestField('route.procedure')).toBe('procedure');
    const e = new HandoffTransitionError('invalid_agreement', 'in_session', 'conclude_agreement', '调解协议不完整', 'agreement', [
      { code: 'missing_signature', field: 'signatures', partyId: 'p-wang', message: '尚未签章' },
      { code: 'invalid_date', field: 'signatures[0].signedAt', message: '签章时间无效' },
    ]);
    expect(toDomainError(e).fields?.map((f) => f.field)).toEqual(['command.agreement', 'command.agreement.signatures', 'command.agreement.signatures.0.signedAt']);
  });

  it('lets other errors through untouched', () => {
    const boom = new Error('db down');
    expect(() => applyDomain(() => { throw boom; })).toThrow(boom);
  });
});
