import { randomBytes } from 'node:crypto';
import { VERBS } from '../../src/cards/verbs';
import { azuriteConnectionString } from '../../src/storage/azurite';
import { TableStore } from '../../src/storage/table-store';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/store';
import { TcpProxy, type ProxyMode } from '../support/tcp-proxy';

const PLAN = 'members-communications';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const CARD = 'application/vnd.microsoft.card.adaptive';
/**
 * Teams gives up on (and resends) a turn that takes longer than this. The store's timings make
 * a turn fail in 1–5 s, so this holds with room to spare even on a machine busy with other work.
 */
const TEAMS_LIMIT_MS = 15_000;

describe('Table Storage outages', () => {
  let h: BotHarness;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const azuritePort = Number(
      /TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(testConnectionString())?.[1],
    );
    proxy = new TcpProxy(azuritePort);
    await proxy.start();
    // The app reaches Azurite only through the proxy, so the test can cut it off.
    const store = new TableStore(
      azuriteConnectionString(proxy.port),
      `t${randomBytes(5).toString('hex')}`,
    );
    await store.ensureTables();
    h = await startHarness({ store, env: { SCHEDULER: 'false' } });
    await h.install(USERS.alex);
  });
  afterAll(async () => {
    await h.stop();
    await proxy.stop();
  });
  beforeEach(() => h.connector.clear());

  async function timedUpdate(note: string) {
    const action = await withStorage(() => h.app.repos.actions.get(PLAN, '4'));
    // A minute per update keeps the audit trail (newest first) in the order of the test.
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    const started = Date.now();
    const result = await h.invoke(USERS.alex, VERBS.updateAction, {
      planId: PLAN,
      ref: '4',
      version: action?.version,
      shownStatus: action?.status,
      slot: '',
      status: 'at-risk',
      note,
    });
    return { result, ms: Date.now() - started };
  }

  // The test reads through the same proxy; during an outage it reads what it saved beforehand.
  let lastAction: Awaited<ReturnType<BotHarness['app']['repos']['actions']['get']>> = null;
  async function withStorage<T>(read: () => Promise<T>): Promise<T | typeof lastAction> {
    if (proxy.mode !== 'pass') return lastAction;
    const value = await read();
    lastAction = value as typeof lastAction;
    return value;
  }

  async function health() {
    const response = await fetch(`${h.url}/healthz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function expectWorking(note: string) {
    const { result } = await timedUpdate(note);
    expect(result.status).toBe(200);
    expect((result.body as { type: string }).type).toBe(CARD);
    const history = await h.app.repos.updates.listForAction(PLAN, '4');
    expect(history[0].note).toBe(note);
    expect(await health()).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', storage: 'ok' }),
    });
  }

  async function expectFriendlyRefusal(note: string) {
    const { result, ms } = await timedUpdate(note);
    expect(ms).toBeLessThan(TEAMS_LIMIT_MS);
    expect(result.status).toBe(200);
    // A message answer leaves the card, and the note typed on it, in place.
    expect(result.body).toEqual({
      statusCode: 200,
      type: MESSAGE,
      value: expect.stringMatching(/couldn't save that just now.*try again.*still on the card/),
    });
    return ms;
  }

  it('answers "please try again" for every turn while connections are refused, then recovers without a restart', async () => {
    await expectWorking('Before the outage');
    await proxy.setMode('refuse');
    const notes: string[] = [];
    let turns = 0;
    while (turns < 4) {
      const note = `During the outage ${turns}`;
      notes.push(note);
      await expectFriendlyRefusal(note);
      const started = Date.now();
      expect((await h.message(USERS.alex, 'my actions')).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(TEAMS_LIMIT_MS);
      const report = await health();
      expect(report.status).toBe(503);
      expect(report.body).toEqual(
        expect.objectContaining({ status: 'degraded', storage: 'unreachable' }),
      );
      turns += 1;
    }
    expect(h.connector.texts()).toEqual(
      Array.from({ length: turns }, () => expect.stringMatching(/couldn't save that just now/)),
    );
    await proxy.setMode('pass');
    await expectWorking('After the outage');
    const saved = (await h.app.repos.updates.listForAction(PLAN, '4')).map((u) => u.note);
    expect(saved).toEqual(['After the outage', 'Before the outage']);
    for (const note of notes) expect(saved).not.toContain(note);
  });

  it('never takes a storage failure for someone it does not know', async () => {
    await proxy.setMode('refuse');
    try {
      // No AAD id on the activity: the bot asks Teams for the email, then looks it up.
      const unlinked = h.activity(USERS.alex, {
        type: 'message',
        text: 'my actions',
        from: { id: USERS.alex.id, name: USERS.alex.name },
      });
      expect((await h.post(unlinked)).status).toBe(200);
      expect(h.connector.cards()).toEqual([]);
      expect(h.connector.texts()).toEqual([expect.stringMatching(/isn't answering/)]);
    } finally {
      await proxy.setMode('pass');
    }
  });

  it.each<[ProxyMode]>([['reset'], ['blackhole']])(
    'keeps every turn inside Teams’ 15 s when connections are %s',
    async (mode) => {
      await proxy.setMode(mode);
      await expectFriendlyRefusal(`While storage is ${mode}`);
      // A health probe is never left hanging: it gives up on storage (after 2 s) and says so.
      const report = await health();
      expect(report.status).toBe(503);
      await proxy.setMode('pass');
      await expectWorking(`After storage was ${mode}`);
    },
  );
});
