import { startHarness, USERS, type BotHarness, type TeamsUser } from '../support/bot-harness';
import { TcpProxy } from '../support/tcp-proxy';

const SECRET = 'jobs-secret-for-fault-tests-0123';

interface DigestReport {
  runKey: string;
  messages: { to: string; outcome: string; reason?: string }[];
}

describe('connector failures during a digest run', () => {
  let h: BotHarness;
  let route: TcpProxy;
  let failAlex = 0;

  beforeAll(async () => {
    h = await startHarness({
      env: { JOBS_SECRET: SECRET, SCHEDULER: 'false' },
      connector: {
        fault: ({ conversationId }) => {
          if (conversationId !== `a:personal-${USERS.alex.id}` || failAlex === 0) return null;
          failAlex -= 1;
          return { status: 500 };
        },
      },
    });
    // Isaiah's Teams is reached through a route the test can cut, as a regional outage would.
    route = new TcpProxy(Number(new URL(h.connector.url).port));
    await route.start();
    await h.install(USERS.alex);
    const viaRoute = (user: TeamsUser) => ({
      ...h.activity(user, { type: 'installationUpdate', action: 'add' }),
      serviceUrl: `http://127.0.0.1:${route.port}/`,
    });
    expect((await h.post(viaRoute(USERS.isaiah))).status).toBe(200);
    h.clock.now = new Date('2026-12-14T08:00:00Z');
  });
  afterAll(async () => {
    await h.stop();
    await route.stop();
  });

  async function digests(): Promise<{ status: number; body: DigestReport }> {
    const response = await fetch(`${h.url}/api/jobs/digests`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    return { status: response.status, body: (await response.json()) as DigestReport };
  }

  const outcomes = (report: DigestReport) =>
    Object.fromEntries(report.messages.map((m) => [m.to, m.outcome]));
  const digestsTo = (user: TeamsUser) =>
    h.connector.activities.filter((a) => a.conversationId === `a:personal-${user.id}`);

  it('finishes the run, reports who was missed, and reaches them on the next run, once each', async () => {
    h.connector.clear();
    failAlex = 1;
    await route.setMode('refuse');
    const first = await digests();
    expect(first.status).toBe(200);
    expect(outcomes(first.body)).toEqual({
      [USERS.alex.email]: 'failed',
      [USERS.isaiah.email]: 'failed',
    });
    expect(h.connector.activities).toHaveLength(0);

    await route.setMode('pass');
    const second = await digests();
    expect(second.body.runKey).toBe(first.body.runKey);
    expect(outcomes(second.body)).toEqual({
      [USERS.alex.email]: 'sent',
      [USERS.isaiah.email]: 'sent',
    });

    const third = await digests();
    expect(outcomes(third.body)).toEqual({
      [USERS.alex.email]: 'already-sent',
      [USERS.isaiah.email]: 'already-sent',
    });
    expect(digestsTo(USERS.alex)).toHaveLength(1);
    expect(digestsTo(USERS.isaiah)).toHaveLength(1);
    const ledger = await h.app.repos.ledger.listRun('digests', first.body.runKey);
    expect(ledger.map((e) => e.state).sort()).toEqual(['sent', 'sent']);
  });
});
