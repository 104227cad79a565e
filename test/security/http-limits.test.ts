import net from 'node:net';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const SECRET = 'jobs-secret-for-http-limits-01';

/** Opens a request to /api/messages whose body never finishes until `finish` is called. */
function heldTurn(url: string): { finish: () => void } {
  const { port } = new URL(url);
  const socket = net.connect(Number(port), '127.0.0.1', () => {
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n' +
        'Content-Type: application/json\r\nContent-Length: 3\r\n\r\n{',
    );
  });
  socket.on('error', () => undefined);
  socket.on('data', () => socket.destroy());
  return { finish: () => socket.write('}\n') };
}

describe('HTTP limits', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({
      env: {
        SCHEDULER: 'false',
        JOBS_SECRET: SECRET,
        MAX_TURNS_IN_FLIGHT: '2',
        BODY_TIMEOUT_SECONDS: '120',
      },
    });
    await h.install(USERS.alex);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('sheds turns over the limit with a fast 503 and Retry-After, then serves again', async () => {
    const held = [heldTurn(h.url), heldTurn(h.url)];
    const typing = () =>
      fetch(`${h.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(h.activity(USERS.alex, { type: 'typing' })),
      });
    // Poll until both held turns have reached the server.
    let shed: Response | null = null;
    const until = Date.now() + 20_000;
    while (!shed && Date.now() < until) {
      const response = await typing();
      if (response.status === 503) shed = response;
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(shed?.status).toBe(503);
    expect(shed?.headers.get('retry-after')).toBe('1');
    expect(await shed?.json()).toEqual({ error: 'The bot is busy. Please try again in a moment.' });
    // Health checks are not turns: the instance still reports itself alive.
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);

    for (const turn of held) turn.finish();
    let served = 0;
    const again = Date.now() + 20_000;
    while (served !== 200 && Date.now() < again) {
      served = (await typing()).status;
      if (served !== 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(served).toBe(200);
  });

  it.each([
    ['recipient', 'recipient'],
    ['from', 'from'],
    ['conversation', 'conversation'],
    ['serviceUrl', 'serviceUrl'],
  ])('refuses an activity without %s with 400 before the turn', async (_name, field) => {
    const activity: Record<string, unknown> = h.activity(USERS.alex, {
      type: 'message',
      text: 'help',
    });
    delete activity[field];
    h.connector.clear();
    const result = await h.post(activity);
    expect(result.status).toBe(400);
    expect((result.body as { error: string }).error).toMatch(
      new RegExp(`^Invalid activity: ${field}`),
    );
    expect(h.connector.activities).toHaveLength(0);
  });

  const trigger = async (query: string) => {
    const response = await fetch(`${h.url}/api/jobs/nudges${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    return { status: response.status, body: (await response.json()) as { error?: string } };
  };

  it.each([
    ['a bare number', '1'],
    ['a year', '2026'],
    ['a date without a time', '2026-11-30'],
    ['a time without a zone', '2026-11-30T09:00:00'],
    ['a date in 2001', '2001-09-09T01:46:40Z'],
    ['a date in 2100', '2100-01-01T00:00:00Z'],
    ['a day that does not exist', '2026-02-30T09:00:00Z'],
    ['an hour that does not exist', '2026-11-30T25:00:00Z'],
    ['a JavaScript date string', 'Mon Nov 30 2026'],
  ])('refuses ?at= with %s with a clear 400 and does not run', async (_name, at) => {
    const result = await trigger(`?dryRun=true&at=${encodeURIComponent(at)}`);
    expect(result.status).toBe(400);
    expect(result.body.error).toBe(
      '"at" must be an ISO date-time with a time zone, within 366 days of now, e.g. 2026-11-30T09:00:00Z.',
    );
  });

  it('accepts a plausible ?at= with an offset', async () => {
    const result = await trigger('?dryRun=true&at=2026-12-01T09:00:00%2B00:00');
    expect(result.status).toBe(200);
  });
});
