import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import type { JobReport } from '../../src/jobs/job-context';
import { createLogger } from '../../src/logging/logger';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';
import type { CapturedActivity, FaultDecision } from '../support/connector';
import { TeamsEnforcer } from '../support/teams-enforcer';

const SECRET = 'jobs-secret-for-tests-0123456789';
const PLAN = 'members-communications';
const conversationOf = (user: { id: string }): string => `a:personal-${user.id}`;

function cardText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card && typeof card === 'object') return Object.values(card).map(cardText).join(' ');
  return '';
}

async function trigger(
  url: string,
  job: string,
  query = '',
  secret: string | null = SECRET,
): Promise<{ status: number; body: JobReport & { error?: string } }> {
  const response = await fetch(`${url}/api/jobs/${job}${query}`, {
    method: 'POST',
    headers: secret === null ? {} : { Authorization: `Bearer ${secret}` },
  });
  return {
    status: response.status,
    body: (await response.json()) as JobReport & { error?: string },
  };
}

describe('jobs end to end through the jobs endpoints', () => {
  let h: BotHarness;
  const enforcer = new TeamsEnforcer();
  // Per-test faults, applied before the enforcer's limits.
  let extraFault: (request: { method: string; conversationId: string }) => FaultDecision = () =>
    null;
  const sentTo = (activities: CapturedActivity[], user: { id: string }): CapturedActivity[] =>
    activities.filter((a) => a.conversationId === conversationOf(user));

  beforeAll(async () => {
    h = await startHarness({
      env: { JOBS_SECRET: SECRET },
      connector: { fault: (request) => extraFault(request) ?? enforcer.fault(request) },
    });
    for (const user of [USERS.alex, USERS.megan, USERS.isaiah, USERS.patti]) await h.install(user);
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => {
    h.connector.clear();
    extraFault = () => null;
  });

  it('answers 401 without the bearer secret, or with a wrong one', async () => {
    for (const job of ['nudges', 'digests']) {
      expect((await trigger(h.url, job, '', null)).status).toBe(401);
      expect((await trigger(h.url, job, '', 'not-the-secret')).status).toBe(401);
    }
    expect(h.connector.activities).toHaveLength(0);
  });

  it('lists what it would send on a dry run, and sends nothing', async () => {
    const { status, body } = await trigger(h.url, 'nudges', '?dryRun=true');
    expect(status).toBe(200);
    expect(body).toEqual(expect.objectContaining({ job: 'nudges', dryRun: true, ran: true }));
    const byEmail = new Map(body.messages.map((m) => [m.to, m]));
    for (const user of [USERS.alex, USERS.megan]) {
      const message = byEmail.get(user.email);
      expect(message?.outcome).toBe('would-send');
      expect(message?.items?.map((i) => i.ref)).toEqual(['4', '2']);
    }
    expect(h.connector.activities).toHaveLength(0);
    expect(await h.app.repos.ledger.listRun('nudges', body.runKey)).toEqual([]);
  });

  it('nudges Alex and Megan about action 4 once each, through faults, and remembers the prompt', async () => {
    const failedOnce = new Set<string>();
    extraFault = ({ conversationId }) => {
      if (failedOnce.has(conversationId)) return null;
      failedOnce.add(conversationId);
      return conversationId.endsWith('0') ? { status: 503 } : { status: 429, retryAfterSeconds: 0 };
    };
    const { status, body } = await trigger(h.url, 'nudges');
    expect(status).toBe(200);
    expect(body.totals.sent).toBe(2);
    for (const user of [USERS.alex, USERS.megan]) {
      const mine = sentTo(h.connector.activities, user);
      expect(mine).toHaveLength(1);
      const text = cardText(mine[0].activity.attachments);
      expect(text).toContain('Action 4');
      expect(text).toContain('Action 2');
      const awaiting = await h.app.repos.replies.get(user.email, h.clock.now);
      expect(awaiting?.items).toEqual([
        { planId: PLAN, ref: '4' },
        { planId: PLAN, ref: '2' },
      ]);
    }
    expect(enforcer.stats.throttled).toBe(0);

    h.connector.clear();
    const again = await trigger(h.url, 'nudges');
    expect(again.body.totals.sent).toBe(0);
    expect(h.connector.activities).toHaveLength(0);
  });

  it('sends each message once when two instances run the job at the same moment', async () => {
    h.clock.now = new Date('2026-12-02T09:00:00Z');
    const second: App = createApp({
      config: loadConfig({ LOG_LEVEL: 'silent', JOBS_SECRET: SECRET, SCHEDULER: 'false' }),
      store: h.store,
      logger: createLogger('silent'),
      now: () => h.clock.now,
    });
    await second.server.listen(0, '127.0.0.1');
    const secondUrl = `http://127.0.0.1:${(second.server.server.address() as AddressInfo).port}`;
    try {
      const [a, b] = await Promise.all([trigger(h.url, 'nudges'), trigger(secondUrl, 'nudges')]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.totals.sent + b.body.totals.sent).toBe(2);
      for (const user of [USERS.alex, USERS.megan]) {
        expect(sentTo(h.connector.activities, user)).toHaveLength(1);
      }
    } finally {
      await second.server.close();
    }
  });

  it('reports a person Teams refuses to the admins, marks them, and carries on', async () => {
    h.clock.now = new Date('2026-12-09T09:00:00Z');
    extraFault = ({ conversationId }) =>
      conversationId === conversationOf(USERS.megan) ? { status: 403 } : null;
    const { status, body } = await trigger(h.url, 'nudges');
    expect(status).toBe(200);
    const outcomes = Object.fromEntries(body.messages.map((m) => [m.to, m.outcome]));
    expect(outcomes).toEqual({ [USERS.alex.email]: 'sent', [USERS.megan.email]: 'unreachable' });
    expect((await h.app.repos.people.get(USERS.megan.email))?.unreachable?.reason).toMatch(
      /not installed/,
    );
    const toPatti = sentTo(h.connector.activities, USERS.patti);
    expect(toPatti).toHaveLength(1);
    expect(cardText(toPatti[0].activity.attachments)).toContain('Megan Bowen');
    expect(body.adminReport).toEqual([
      expect.objectContaining({ to: USERS.patti.email, outcome: 'sent' }),
    ]);
  });

  it('sends Isaiah the Governance digest once a week, listing Megan as unreachable', async () => {
    h.clock.now = new Date('2026-12-14T08:00:00Z');
    const { body } = await trigger(h.url, 'digests');
    expect(body.runKey).toBe('2026-W51');
    const toIsaiah = sentTo(h.connector.activities, USERS.isaiah);
    expect(toIsaiah).toHaveLength(1);
    const text = cardText(toIsaiah[0].activity.attachments);
    expect(text).toContain('Weekly digest: Governance');
    expect(text).toContain('Action 4');
    expect(text).toContain('Megan Bowen');
    expect(text).toMatch(/not installed/);
    // Alex is a head of service in Governance too: each head gets their own copy.
    expect(body.messages.map((m) => [m.to, m.outcome]).sort()).toEqual([
      [USERS.alex.email, 'sent'],
      [USERS.isaiah.email, 'sent'],
    ]);

    h.connector.clear();
    h.clock.now = new Date('2026-12-16T15:00:00Z');
    const again = await trigger(h.url, 'digests');
    expect(again.body.runKey).toBe('2026-W51');
    expect(again.body.messages.map((m) => m.outcome)).toEqual(['already-sent', 'already-sent']);
    expect(h.connector.activities).toHaveLength(0);
  });

  it('runs as of ?at= and rejects an unreadable one', async () => {
    const at = await trigger(h.url, 'nudges', '?at=2026-12-19T14:00:00Z&dryRun=true');
    expect(at.status).toBe(200);
    expect(at.body.runKey).toBe('2026-12-19');
    expect((await trigger(h.url, 'nudges', '?at=yesterday')).status).toBe(400);
  });
});
