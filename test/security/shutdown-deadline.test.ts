import net from 'node:net';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const SECRET = 'jobs-secret-for-deadline-test-01';

/** A client that sends headers and part of a body, then holds the connection open. */
function slowBody(url: string): { socket: net.Socket; closed: Promise<void> } {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), '127.0.0.1', () => {
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":"mess',
    );
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, closed };
}

describe('a stop waits for requests in flight only until its deadline', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({
      env: {
        SCHEDULER: 'false',
        JOBS_SECRET: SECRET,
        SHUTDOWN_DEADLINE_SECONDS: '1',
        // Far beyond the deadline: only the stop may end the slow client.
        BODY_TIMEOUT_SECONDS: '300',
      },
    });
    await h.install(USERS.alex);
    await h.install(USERS.isaiah);
  });
  afterAll(async () => {
    h.connector.latencyMs = 0;
    await h.connector.stop();
  });

  it('closes a slow body and a stuck job run, gives up the lease, and resolves', async () => {
    const client = slowBody(h.url);
    // A digest run stuck on a connector that does not answer, holding its lease.
    h.connector.latencyMs = 120_000;
    const run = fetch(`${h.url}/api/jobs/digests?at=2026-12-14T08:00:00Z`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
    }).then(
      (response) => response.status,
      () => 'cut off',
    );
    const until = Date.now() + 20_000;
    while (!(await h.app.repos.leases.get('digests')) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await h.app.repos.leases.get('digests')).not.toBeNull();

    await h.app.stop();

    await client.closed;
    expect(client.socket.destroyed).toBe(true);
    expect(await run).toBe('cut off');
    expect(await h.app.repos.leases.get('digests')).toBeNull();
    // Nothing new is taken once stopped.
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
  }, 60_000);
});
