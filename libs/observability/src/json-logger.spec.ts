import { JsonLogger, withCorrelation } from './index';

describe('JsonLogger', () => {
  it('writes one JSON object per line with the correlation id of the scope', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('intake', 'info', (l) => lines.push(l));
    withCorrelation('corr-1', () => logger.log('hello', 'Ctx'));
    logger.debug('hidden below info');
    logger.error(new Error('boom'));
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', service: 'intake', context: 'Ctx', msg: 'hello', correlationId: 'corr-1' });
    const err = JSON.parse(lines[1]);
    expect(err).toMatchObject({ level: 'error', msg: 'boom' });
    expect(err.stack).toContain('Error: boom');
    expect(err.correlationId).toBeUndefined();
  });
});
