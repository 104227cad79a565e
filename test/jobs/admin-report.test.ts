import { adminReportMessages, unreachableLines } from '../../src/jobs/admin-report';
import { splitAtLimit } from '../../src/jobs/job-inputs';
import type { MessageReport } from '../../src/notify/message-report';
import { samplePerson } from '../support/sample-data';

const message = (
  to: string,
  outcome: MessageReport['outcome'],
  reason?: string,
): MessageReport => ({
  to,
  name: to.split('@')[0],
  target: to,
  outcome,
  ...(reason ? { reason } : {}),
});

describe('the report to admins', () => {
  const messages = [
    message('zed@x.example', 'unreachable', 'Has blocked the bot in Teams'),
    message('amy@x.example', 'no-contact', 'Has not used the bot in Teams yet'),
    message('amy@x.example', 'no-contact', 'Has not used the bot in Teams yet'),
    message('bob@x.example', 'sent'),
    message('cat@x.example', 'failed', 'Teams answered 502'),
  ];

  it('lists each person who could not be reached once, in order', () => {
    expect(unreachableLines(messages)).toEqual([
      'amy (amy@x.example): Has not used the bot in Teams yet',
      'zed (zed@x.example): Has blocked the bot in Teams',
    ]);
  });

  it('goes to every admin the bot can reach, and names those it cannot', () => {
    const reference = { conversation: { id: 'a:1' } };
    const people = [
      samplePerson('pat@x.example', { roles: ['admin'], conversationReference: reference }),
      samplePerson('lee@x.example', { roles: ['admin'] }),
      samplePerson('bob@x.example', { conversationReference: reference }),
    ];
    const { outgoing, noContact } = adminReportMessages('prompts', people, messages);
    expect(outgoing.map((o) => o.target)).toEqual(['admin-report|pat@x.example']);
    expect(outgoing[0].report.title).toBe('I couldn’t send prompts to 2 people');
    expect(outgoing[0].compose()).toMatchObject({ summary: 'I couldn’t send prompts to 2 people' });
    expect(noContact).toEqual([
      expect.objectContaining({ to: 'lee@x.example', outcome: 'no-contact' }),
    ]);
  });

  it('is not sent when everyone was reached', () => {
    const people = [samplePerson('pat@x.example', { roles: ['admin'], conversationReference: {} })];
    expect(
      adminReportMessages('weekly digests', people, [message('bob@x.example', 'sent')]),
    ).toEqual({
      outgoing: [],
      noContact: [],
    });
  });
});

describe('job inputs', () => {
  it('keeps the messages over the per-run maximum for the next run', () => {
    expect(splitAtLimit([1, 2, 3], 2)).toEqual({ now: [1, 2], later: [3] });
  });
});
