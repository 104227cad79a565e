import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VERBS } from '../../src/cards/verbs';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { TableStore } from '../../src/storage/table-store';
import { freePort } from '../../src/util/net';
import {
  startHarness,
  TENANT,
  USERS,
  type BotHarness,
  type TeamsUser,
} from '../support/bot-harness';
import { TestConnector } from '../support/connector';
import { testConnectionString } from '../support/store';

const PLAN = 'members-communications';

/** Polls `ready` until it holds, with a limit generous enough for a busy machine. */
async function until(ready: () => boolean | Promise<boolean>, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`not ready after ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('stopping the server drains turns in flight', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ env: { SCHEDULER: 'false' } });
    await h.install(USERS.alex);
  });
  afterAll(async () => {
    h.connector.latencyMs = 0;
    await h.connector.stop();
  });

  it('finishes a slow reply and a first-contact update, and takes no new requests', async () => {
    h.connector.latencyMs = 1500;
    const started = Date.now();
    const reply = h.message(USERS.alex, 'help');
    // Megan has never talked to the bot: finding her asks the (slow) connector first.
    const action = await h.app.repos.actions.get(PLAN, '4');
    const update = h.invoke(USERS.megan, VERBS.updateAction, {
      planId: PLAN,
      ref: '4',
      version: action?.version,
      shownStatus: action?.status,
      slot: '',
      status: 'on-track',
      note: 'Saved while the server was stopping',
    });
    // Close only once the reply is known to be in flight: the connector is holding it.
    await until(() => h.connector.pending > 0);
    let atClose: { delivered: boolean; notes: (string | null)[] } | null = null;
    const closing = h.app.server.close().then(async () => {
      atClose = {
        delivered: h.connector.activities.length > 0,
        notes: (await h.app.repos.updates.listForAction(PLAN, '4')).map((u) => u.note),
      };
    });
    await expect(h.message(USERS.alex, 'my actions')).rejects.toThrow();

    const [replied, updated] = await Promise.all([reply, update]);
    await closing;
    expect(replied.status).toBe(200);
    expect(updated.status).toBe(200);
    expect((updated.body as { type: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    // The server closed only after the reply had been delivered and the update saved.
    expect(atClose).toEqual({
      delivered: true,
      notes: expect.arrayContaining(['Saved while the server was stopping']),
    });
    expect(h.connector.cards().length).toBeGreaterThan(0);
    const history = await h.app.repos.updates.listForAction(PLAN, '4');
    expect(history.map((u) => u.note)).toContain('Saved while the server was stopping');
  });
});

describe('SIGTERM on the real process', () => {
  const SECRET = 'jobs-secret-for-sigterm-test-01';
  let child: ChildProcess;
  let connector: TestConnector;
  let repos: Repositories;
  let base = '';
  let stdout = '';

  beforeAll(async () => {
    connector = new TestConnector({
      members: Object.values(USERS).map((u) => ({ ...u })),
    });
    await connector.start();
    const prefix = `sig${randomBytes(4).toString('hex')}`;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'apb-sigterm-'));
    child = spawn(process.execPath, [path.join(__dirname, '../../bin/start.js')], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: cwd,
        TABLES_CONNECTION_STRING: testConnectionString(),
        TABLE_PREFIX: prefix,
        DEMO: 'true',
        PORT: String(port),
        SCHEDULER: 'false',
        JOBS_SECRET: SECRET,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await until(() => {
      if (child.exitCode !== null) throw new Error(`the bot did not start: ${stdout}`);
      return stdout.includes('"msg":"bot listening"');
    });
    repos = createRepositories(new TableStore(testConnectionString(), prefix));
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await connector.stop();
  });

  const post = (body: unknown) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const activity = (user: TeamsUser, fields: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    id: randomUUID(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:action-plan-bot', name: 'Action Plan Bot' },
    conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    ...fields,
  });

  it('lets a reply and a digest run finish, releases the job lease, and exits 0', async () => {
    for (const user of [USERS.alex, USERS.isaiah]) {
      expect(
        (await post(activity(user, { type: 'installationUpdate', action: 'add' }))).status,
      ).toBe(200);
    }
    connector.clear();
    connector.latencyMs = 1500;
    const reply = post(activity(USERS.alex, { type: 'message', text: 'help' }));
    const digests = fetch(`${base}/api/jobs/digests?at=2026-12-14T08:00:00Z`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    // Wait until the digest run holds its lease, then ask the process to stop.
    await until(async () => (await repos.leases.get('digests')) !== null);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');

    const [replied, ran] = await Promise.all([reply, digests]);
    expect(replied.status).toBe(200);
    expect(ran.status).toBe(200);
    const report = (await ran.json()) as { messages: { to: string; outcome: string }[] };
    expect(report.messages.map((m) => [m.to, m.outcome]).sort()).toEqual([
      [USERS.alex.email, 'sent'],
      [USERS.isaiah.email, 'sent'],
    ]);
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/"signal":"SIGTERM".*"msg":"stopping"/);
    expect(await repos.leases.get('digests')).toBeNull();
    // The help card and both digests reached Teams before the process went.
    expect(connector.activities.length).toBeGreaterThanOrEqual(3);
  });
});
