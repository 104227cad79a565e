import type { ConversationReference, TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config/config';
import type { Person } from '../../src/domain/person';
import { createLogger } from '../../src/logging/logger';
import { createNotifier } from '../../src/notify/create-notifier';
import { conversationOfUrl, createNotifierAdapter } from '../../src/notify/notifier-adapter';
import { SendLimiter, type Grant, type TeamsLimits } from '../../src/notify/send-limiter';
import { TestConnector } from '../support/connector';
import { TeamsEnforcer } from '../support/teams-enforcer';

const config = loadConfig({ LOG_LEVEL: 'silent' });

describe('conversationOfUrl', () => {
  it('finds the conversation a Bot Connector request is for', () => {
    expect(
      conversationOfUrl('https://smba.example/teams/v3/conversations/a%3A1xyz/activities/9'),
    ).toBe('a:1xyz');
    expect(conversationOfUrl('http://127.0.0.1:9/v3/conversations/a:2/activities')).toBe('a:2');
  });

  it('finds none when a chat is being started', () => {
    expect(conversationOfUrl('https://smba.example/teams/v3/conversations')).toBeNull();
  });
});

describe("the notifier's adapter", () => {
  const enforcer: { current: TeamsEnforcer | null } = { current: null };
  const connector = new TestConnector({ fault: (r) => enforcer.current?.fault(r) ?? null });
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  const reference = (id: string): Partial<ConversationReference> => ({
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id, conversationType: 'personal', isGroup: false, name: '' },
    user: { id: '29:sam', name: 'Sam Okafor' },
    bot: { id: '28:bot', name: 'Action Plan Bot' },
  });

  it("takes the SDK's retry step out of the connector client and puts the limiter in", async () => {
    const adapter = createNotifierAdapter(
      config,
      new SendLimiter({ perApp: [], perConversation: [] }),
    );
    let policies: string[] = [];
    await adapter.continueConversationAsync(
      '',
      reference('a:sam'),
      async (context: TurnContext) => {
        const client = context.turnState.get(context.adapter.ConnectorClientKey) as {
          client: { pipeline: { getOrderedPolicies(): { name: string }[] } };
        };
        policies = client.client.pipeline.getOrderedPolicies().map((p) => p.name);
      },
    );
    expect(policies).toContain('teamsRateLimit');
    expect(policies).not.toContain('defaultRetryPolicy');
  });

  it('keeps every window of a conversation within the limits the connector enforces', async () => {
    const limits: TeamsLimits = {
      perApp: [{ limit: 20, perMs: 500 }],
      perConversation: [
        { limit: 3, perMs: 250 },
        { limit: 4, perMs: 500 },
      ],
    };
    enforcer.current = new TeamsEnforcer({ limits });
    // The limiter's own record of when it let each request go: what it controls, whatever the
    // machine's load does to the time a request then takes to reach the connector.
    const limiter = new SendLimiter(limits, { marginMs: 10 });
    const granted: Grant[] = [];
    const acquire = limiter.acquire.bind(limiter);
    const release = limiter.release.bind(limiter);
    limiter.acquire = async (key) => {
      const grant = await acquire(key);
      granted.push(grant);
      return grant;
    };
    limiter.release = (grant) => {
      granted.splice(granted.indexOf(grant), 1);
      release(grant);
    };
    const notifier = createNotifier({
      config,
      people: {
        markUnreachable: async () => undefined,
        rememberTeamsIdentity: async () => undefined,
      },
      logger: createLogger('silent'),
      now: () => new Date(),
      adapter: createNotifierAdapter(config, limiter),
    });
    const sam = {
      email: 'sam@x.example',
      name: 'Sam Okafor',
      conversationReference: reference('a:sam'),
    } as unknown as Person;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => notifier.send(sam, { text: 'Hi' })),
    );
    // Every message delivered once: a request the connector refused (a busy machine can delay one
    // until it lands in the next request's window) was retried and its grant given back.
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(enforcer.current.stats.accepted).toBe(12);
    expect(connector.activities).toHaveLength(12);
    const times = granted.map((g) => g.at).sort((a, b) => a - b);
    expect(times).toHaveLength(12);
    for (const window of [...limits.perApp, ...limits.perConversation]) {
      for (const end of times) {
        const inWindow = times.filter((t) => t > end - window.perMs && t <= end).length;
        expect(inWindow).toBeLessThanOrEqual(window.limit);
      }
    }
    // Four in any half second: twelve grants span at least a second.
    expect(times[11] - times[0]).toBeGreaterThanOrEqual(1000);
  });

  it('delivers a message once when the connector drops connections before reading them', async () => {
    let drops = 3;
    const dropping = new TestConnector({ drop: () => drops-- > 0 });
    await dropping.start();
    try {
      const notifier = createNotifier({
        config,
        people: {
          markUnreachable: async () => undefined,
          rememberTeamsIdentity: async () => undefined,
        },
        logger: createLogger('silent'),
        now: () => new Date(),
        // No real waiting between attempts: the backoff itself is the retry policy's business.
        options: { sleep: async () => undefined },
      });
      const sam = {
        email: 'sam@x.example',
        name: 'Sam Okafor',
        conversationReference: { ...reference('a:sam'), serviceUrl: dropping.url },
      } as unknown as Person;
      const outcome = await notifier.send(sam, { text: 'Hi' });
      expect(outcome).toEqual(expect.objectContaining({ status: 'sent', attempts: 4 }));
      expect(dropping.dropped).toBe(3);
      expect(dropping.activities).toHaveLength(1);
    } finally {
      await dropping.stop();
    }
  });
});
