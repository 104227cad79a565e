import { loadConfig } from '../../src/config/config';
import type { Person } from '../../src/domain/person';
import { createLogger } from '../../src/logging/logger';
import { createNotifier } from '../../src/notify/create-notifier';
import type { Notifier, NotifierOptions } from '../../src/notify/notifier';
import type { TeamsIdentity } from '../../src/storage/people-repository';
import { TestConnector, type FaultDecision } from '../support/connector';
import { samplePerson } from '../support/sample-data';

const config = loadConfig({ LOG_LEVEL: 'silent' });
const TENANT = 'tenant-1';

function person(email: string, fields: Partial<Person> = {}): Person {
  return samplePerson(email, { name: 'Sam Okafor', tenantId: TENANT, ...fields });
}

/** A directory double that records what the notifier asks it to remember. */
class FakePeople {
  readonly unreachable: { email: string; reason: string }[] = [];
  readonly identities: { email: string; identity: TeamsIdentity }[] = [];
  async markUnreachable(email: string, mark: { at: string; reason: string } | null): Promise<void> {
    if (mark) this.unreachable.push({ email, reason: mark.reason });
  }
  async rememberTeamsIdentity(email: string, identity: TeamsIdentity): Promise<void> {
    this.identities.push({ email, identity });
  }
}

describe('Notifier against a local Bot Connector', () => {
  let connector: TestConnector;
  let fault: (request: { method: string; conversationId: string }) => FaultDecision;
  let requests: { method: string; conversationId: string }[];
  let people: FakePeople;
  let sleeps: number[];

  const reference = (conversationId: string, activityId?: string) => ({
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
    user: { id: '29:sam', name: 'Sam Okafor' },
    bot: { id: '28:bot', name: 'Action Plan Bot' },
    ...(activityId ? { activityId } : {}),
  });

  const notifier = (options: NotifierOptions = {}): Notifier =>
    createNotifier({
      config,
      people,
      logger: createLogger('silent'),
      now: () => new Date('2026-11-25T09:00:00Z'),
      options: {
        retry: { maxAttempts: 4, baseMs: 100, capMs: 1000, maxRetryAfterMs: 10_000 },
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        random: () => 0.5,
        ...options,
      },
    });

  beforeAll(async () => {
    connector = new TestConnector({
      fault: (request) => {
        requests.push(request);
        return fault(request);
      },
    });
    await connector.start();
  });
  afterAll(() => connector.stop());
  beforeEach(() => {
    connector.clear();
    fault = () => null;
    requests = [];
    people = new FakePeople();
    sleeps = [];
  });

  it('sends to the stored conversation', async () => {
    const sam = person('sam@x.example', { conversationReference: reference('a:sam', 'act-1') });
    const outcome = await notifier().send(sam, { text: 'Hello' });
    expect(outcome).toEqual({ status: 'sent', activityId: expect.any(String), attempts: 1 });
    // botbuilder posts a proactive message as a reply to its own continuation activity; in a
    // one-to-one chat Teams simply shows it as the next message.
    expect(connector.activities).toEqual([
      expect.objectContaining({
        method: 'reply',
        conversationId: 'a:sam',
        activity: expect.objectContaining({
          text: 'Hello',
          recipient: expect.objectContaining({ id: '29:sam' }),
        }),
      }),
    ]);
  });

  it("retries 503 and 429 itself, honouring Retry-After, with the SDK's own retries removed", async () => {
    const answers: FaultDecision[] = [
      { status: 503 },
      { status: 429, retryAfterSeconds: 2 },
      { status: 429 },
    ];
    fault = () => answers.shift() ?? null;
    const sam = person('sam@x.example', { conversationReference: reference('a:sam') });
    const outcome = await notifier().send(sam, { text: 'Hello' });
    expect(outcome).toEqual(expect.objectContaining({ status: 'sent', attempts: 4 }));
    // One request per attempt: botbuilder's pipeline would have retried the 503 and the first 429.
    expect(requests).toHaveLength(4);
    // Full jitter at half of 100, 200, 400 ms; never sooner than the 2 seconds asked for.
    expect(sleeps).toEqual([50, 2000, 200]);
    expect(connector.activities).toHaveLength(1);
  });

  it('gives up after the last attempt and reports the failure', async () => {
    fault = () => ({ status: 502 });
    const sam = person('sam@x.example', { conversationReference: reference('a:sam') });
    const outcome = await notifier().send(sam, { text: 'Hello' });
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'Teams answered 502',
      statusCode: 502,
      attempts: 4,
    });
    expect(requests).toHaveLength(4);
    expect(people.unreachable).toEqual([]);
  });

  it('marks a person Teams refuses (403 or 404) as unreachable, without retrying', async () => {
    for (const status of [403, 404]) {
      requests = [];
      fault = () => ({ status });
      const sam = person(`sam${status}@x.example`, { conversationReference: reference('a:sam') });
      const outcome = await notifier().send(sam, { text: 'Hello' });
      expect(outcome).toEqual(
        expect.objectContaining({ status: 'unreachable', statusCode: status }),
      );
      expect(requests).toHaveLength(1);
    }
    expect(people.unreachable.map((u) => u.email)).toEqual([
      'sam403@x.example',
      'sam404@x.example',
    ]);
    expect(people.unreachable[0].reason).toBe('The app is not installed for them in Teams');
  });

  it('fails a message Teams rejects as bad without retrying it', async () => {
    fault = () => ({ status: 400 });
    const sam = person('sam@x.example', { conversationReference: reference('a:sam') });
    const outcome = await notifier().send(sam, { text: 'Hello' });
    expect(outcome).toEqual(
      expect.objectContaining({ status: 'failed', statusCode: 400, attempts: 1 }),
    );
  });

  it('starts a chat with someone known only by their Teams ids, and remembers it', async () => {
    const sam = person('sam@x.example', { aadObjectId: 'aad-sam' });
    const outcome = await notifier().send(
      sam,
      { text: 'Hello' },
      {
        serviceUrl: connector.url,
      },
    );
    expect(outcome.status).toBe('sent');
    expect(requests.map((r) => r.method)).toEqual(['create', 'reply']);
    const created = connector.activities[0].conversationId;
    expect(created).toMatch(/^a:created-/);
    expect(people.identities).toEqual([
      {
        email: 'sam@x.example',
        identity: expect.objectContaining({
          tenantId: TENANT,
          conversationReference: expect.objectContaining({
            serviceUrl: connector.url,
            conversation: expect.objectContaining({ id: created, tenantId: TENANT }),
            user: expect.objectContaining({ id: 'aad-sam' }),
          }),
        }),
      },
    ]);
    expect(people.identities[0].identity.conversationReference).not.toHaveProperty('activityId');
  });

  it('reports someone with no way to reach them without calling Teams', async () => {
    const outcome = await notifier().send(person('new@x.example'), { text: 'Hi' });
    expect(outcome).toEqual(
      expect.objectContaining({
        status: 'unreachable',
        reason: 'Has not used the bot in Teams yet',
      }),
    );
    expect(requests).toEqual([]);
  });
});
