import { CHANNELS } from '@yikouban/contracts';
import { checkChannelDetails } from './channel-details';

describe('channel details', () => {
  it.each([
    ['hotline_12345', { callId: 'C-1', recordingRef: 'rec/1.wav' }],
    ['letter', { receiptNumber: 'XF-2026-0001', postmarkDate: '2026-11-20' }],
    ['grid_report', { gridCode: '330621101201001', gridWorkerId: 'GW-17' }],
    ['police_110', { incidentNumber: '110-20261122-0042' }],
    ['video', { sessionId: 'VID-9' }],
    ['walk_in', { receptionWindow: '3号窗口' }],
    ['web', {}],
  ] as const)('accepts what a %s ticket really carries', async (channel, details) => {
    expect(await checkChannelDetails(channel, details)).toEqual([]);
  });

  it.each([
    ['hotline_12345', {}, 'channelDetails.callId'],
    ['letter', { receiptNumber: '' }, 'channelDetails.receiptNumber'],
    ['grid_report', { gridCode: '330621101201001' }, 'channelDetails.gridWorkerId'],
    ['police_110', { incident: 'x' }, 'channelDetails.incident'],
    ['video', {}, 'channelDetails.sessionId'],
  ] as const)('refuses a %s ticket without its own fields', async (channel, details, field) => {
    const problems = await checkChannelDetails(channel, details);
    expect(problems.map((p) => p.field)).toContain(field);
  });

  it('knows every channel', async () => {
    for (const c of CHANNELS) await expect(checkChannelDetails(c, { nonsense: 1 })).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ field: 'channelDetails.nonsense' })]));
  });
});
