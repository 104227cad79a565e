import { CardTooLargeError } from '../../src/cards/render';
import { loadConfig } from '../../src/config/config';
import type { Person } from '../../src/domain/person';
import { createLogger } from '../../src/logging/logger';
import { createNotifier } from '../../src/notify/create-notifier';
import type { Notifier } from '../../src/notify/notifier';
import type { OutgoingMessage, SizedMessage } from '../../src/notify/outgoing-message';
import { TestConnector } from '../support/connector';
import { samplePerson } from '../support/sample-data';

const config = loadConfig({ LOG_LEVEL: 'silent' });
const TENANT = 'tenant-1';
// Teams' limit, scaled down so small messages show it.
const LIMIT = 4000;

/** A message whose card holds `length` characters of text. */
function message(label: string, length: number): OutgoingMessage {
  return {
    card: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: `${label} ${'x'.repeat(length)}` }],
    },
    summary: label,
  };
}

/** Labels of the messages the connector delivered, in order. */
const labels = (connector: TestConnector): string[] =>
  connector.activities.map((a) => String(a.activity.summary));

describe('the notifier sends a message too large for Teams smaller, or in parts', () => {
  let connector: TestConnector;
  let sam: Person;

  const notifier = (): Notifier =>
    createNotifier({
      config,
      people: { markUnreachable: async () => undefined, rememberTeamsIdentity: async () => {} },
      logger: createLogger('silent'),
      now: () => new Date('2026-11-25T09:00:00Z'),
      options: {
        retry: { maxAttempts: 3, baseMs: 1, capMs: 1, maxRetryAfterMs: 1 },
        sleep: async () => undefined,
      },
    });

  beforeAll(async () => {
    connector = new TestConnector({ maxMessageBytes: LIMIT });
    await connector.start();
    sam = samplePerson('sam@x.example', {
      name: 'Sam Okafor',
      tenantId: TENANT,
      conversationReference: {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversation: { id: 'a:sam', conversationType: 'personal', tenantId: TENANT },
        user: { id: '29:sam' },
        bot: { id: '28:bot' },
      },
    });
  });
  afterAll(() => connector.stop());
  beforeEach(() => {
    connector.clear();
    connector.refusedTooLarge.length = 0;
  });

  it('goes down the sizes until Teams takes one, and sends only that one', async () => {
    const sizes = [6000, 4500, 2000, 500];
    const sized: SizedMessage = (step) =>
      step < sizes.length ? message(`size ${step}`, sizes[step]) : null;
    const outcome = await notifier().send(sam, sized);
    expect(outcome).toEqual({ status: 'sent', activityId: expect.any(String), attempts: 3 });
    expect(labels(connector)).toEqual(['size 2']);
    expect(connector.refusedTooLarge).toHaveLength(2);
  });

  it('does not ask Teams again about a size that comes out the same as the one refused', async () => {
    const sized: SizedMessage = (step) =>
      step < 5 ? message('same', 5000) : step === 5 ? message('smaller', 100) : null;
    const outcome = await notifier().send(sam, sized);
    expect(outcome).toEqual(expect.objectContaining({ status: 'sent', attempts: 2 }));
    expect(connector.refusedTooLarge).toHaveLength(1);
    expect(labels(connector)).toEqual(['smaller']);
  });

  it('skips a size whose card is over the budget before sending anything', async () => {
    const sized: SizedMessage = (step) => {
      if (step === 0) throw new CardTooLargeError(40_000);
      return step === 1 ? message('small', 100) : null;
    };
    const outcome = await notifier().send(sam, sized);
    expect(outcome).toEqual(expect.objectContaining({ status: 'sent', attempts: 1 }));
    expect(labels(connector)).toEqual(['small']);
    expect(connector.refusedTooLarge).toEqual([]);
  });

  it('sends in parts, never again a part already delivered', async () => {
    // Step 0: all in one (too large). Step 1: three parts, the third still too large.
    // Step 2: the same three parts, smaller: only the third is sent again.
    const sized: SizedMessage = (step) => {
      if (step === 0) return message('whole', 9000);
      if (step === 1)
        return [message('part 1', 1000), message('part 2', 1000), message('part 3 big', 5000)];
      if (step === 2)
        return [message('part 1', 500), message('part 2', 500), message('part 3', 2000)];
      return null;
    };
    const outcome = await notifier().send(sam, sized);
    expect(outcome).toEqual(expect.objectContaining({ status: 'sent' }));
    expect(labels(connector)).toEqual(['part 1', 'part 2', 'part 3']);
    expect(connector.refusedTooLarge).toHaveLength(2);
  });

  it('fails, saying so, a message too large at every size, and never retries one size', async () => {
    const sized: SizedMessage = (step) => (step < 2 ? message(`size ${step}`, 5000 + step) : null);
    const outcome = await notifier().send(sam, sized);
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'Too large for Teams even at its smallest',
      statusCode: 413,
      attempts: 2,
    });
    expect(connector.activities).toEqual([]);
    const plain = await notifier().send(sam, message('plain', 5000));
    expect(plain).toEqual(expect.objectContaining({ status: 'failed', attempts: 1 }));
  });

  it('says how much of a message in parts went when a later part fails for another reason', async () => {
    const sized: SizedMessage = (step) =>
      step === 0 ? [message('part 1', 100), message('part 2', 100)] : null;
    let replies = 0;
    const failing = new TestConnector({
      fault: (request) => (request.method === 'reply' && ++replies > 1 ? { status: 400 } : null),
    });
    await failing.start();
    try {
      const ref = { ...sam.conversationReference, serviceUrl: failing.url };
      const outcome = await notifier().send({ ...sam, conversationReference: ref }, sized);
      expect(outcome).toEqual(
        expect.objectContaining({
          status: 'failed',
          reason: 'Teams answered 400 (1 of 2 parts were sent)',
        }),
      );
    } finally {
      await failing.stop();
    }
  });

  it('does the same for a team channel', async () => {
    const sized: SizedMessage = (step) =>
      step === 0 ? message('full', 6000) : step === 1 ? message('short', 100) : null;
    const outcome = await notifier().sendToChannel(
      {
        ...sam.conversationReference,
        conversation: { id: '19:channel', conversationType: 'channel' },
      },
      sized,
    );
    expect(outcome.status).toBe('sent');
    expect(labels(connector)).toEqual(['short']);
  });
});
