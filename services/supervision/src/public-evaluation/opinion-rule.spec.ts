import { defaultQuorum, opinionOf, tally } from './opinion-rule';

describe('public evaluation opinion (majority of votes cast, with quorum)', () => {
  it('defaults the quorum to a majority of the panel', () => {
    expect(defaultQuorum(3)).toBe(2);
    expect(defaultQuorum(4)).toBe(3);
    expect(defaultQuorum(9)).toBe(5);
  });

  it('supports the handling when support is more than half of the votes cast', () => {
    expect(opinionOf(tally(['support', 'support', 'oppose']), 2)).toBe('handling_supported');
    // Abstentions count for the quorum but are not votes cast.
    expect(opinionOf(tally(['support', 'abstain', 'abstain', 'abstain']), 4)).toBe('handling_supported');
  });

  it('does not support it when oppose is more than half', () => {
    expect(opinionOf(tally(['oppose', 'oppose', 'support', 'abstain']), 3)).toBe('handling_not_supported');
  });

  it('gives no majority on a tie or when everyone abstained', () => {
    expect(opinionOf(tally(['support', 'oppose', 'abstain']), 3)).toBe('no_majority');
    expect(opinionOf(tally(['abstain', 'abstain', 'abstain']), 2)).toBe('no_majority');
  });

  it('gives no quorum when too few evaluators voted, whatever they voted', () => {
    expect(opinionOf(tally(['support', 'support']), 3)).toBe('no_quorum');
    expect(opinionOf(tally([]), 1)).toBe('no_quorum');
  });
});
