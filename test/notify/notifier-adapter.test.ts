import type { ConversationReference, TurnContext } from 'botbuilder';
import { loadConfig } from '../../src/config/config';
import type { Person } from '../../src/domain/person';
import { createLogger } from '../../src/logging/logger';
import { createNotifier } from '../../src/notify/create-notifier';
import { conversationOfUrl, createNotifierAdapter } from '../../src/notify/notifier-adapter';
import { SendLimiter, type TeamsLimits } from '../../src/notify/send-limiter';
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
    const notifier = createNotifier({
      config,
      people: {
        markUnreachable: async () => undefined,
        rememberTeamsIdentity: async () => undefined,
      },
      logger: createLogger('silent'),
      now: () => new Date(),
      // The connector shares this process's event loop here: a wider margin absorbs its jitter.
      options: { limits, marginMs: 50 },
    });
    const sam = {
      email: 'sam@x.example',
      name: 'Sam Okafor',
      conversationReference: reference('a:sam'),
    } as unknown as Person;
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => notifier.send(sam, { type: 'message', text: 'Hi' })),
    );
    expect(outcomes.every((o) => o.status === 'sent' && o.attempts === 1)).toBe(true);
    expect(enforcer.current.stats).toEqual(expect.objectContaining({ accepted: 12, throttled: 0 }));
    // Four in any half second: twelve take at least a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});
