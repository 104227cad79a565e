import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { loadDemoIfEmpty } from '../../src/demo/load-demo';
import { createLogger, type Logger } from '../../src/logging/logger';
import type { TableStore } from '../../src/storage/table-store';
import { TestConnector, type ConnectorOptions } from './connector';
import { createTestStore } from './store';

/** The tenant of the test activities. */
export const TENANT = '00000000-0000-0000-0000-0000000000001';

/** A Teams user of the tests: the same people as demo/people.csv and the playground. */
export interface TeamsUser {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

/** The demo directory's people (see demo/people.csv) plus one person who is not in it. */
export const USERS = {
  alex: {
    id: 'user-id-0',
    name: 'Alex Wilber',
    aadObjectId: '00000000-0000-0000-0000-0000000000020',
    email: 'alexw@example.com',
  },
  megan: {
    id: 'user-id-1',
    name: 'Megan Bowen',
    aadObjectId: '00000000-0000-0000-0000-0000000000021',
    email: 'meganb@example.com',
  },
  adele: {
    id: 'user-id-2',
    name: 'Adele Vance',
    aadObjectId: '00000000-0000-0000-0000-0000000000022',
    email: 'adelev@example.com',
  },
  isaiah: {
    id: 'user-id-3',
    name: 'Isaiah Langer',
    aadObjectId: '00000000-0000-0000-0000-0000000000023',
    email: 'isaiahl@example.com',
  },
  patti: {
    id: 'user-id-4',
    name: 'Patti Fernandez',
    aadObjectId: '00000000-0000-0000-0000-0000000000024',
    email: 'pattif@example.com',
  },
  lynne: {
    id: 'user-id-5',
    name: 'Lynne Robbins',
    aadObjectId: '00000000-0000-0000-0000-0000000000025',
    email: 'lynner@example.com',
  },
} satisfies Record<string, TeamsUser>;

/** The answer to one POST to /api/messages. */
export interface PostResult {
  status: number;
  body: unknown;
}

/** A running bot on 127.0.0.1 with its own tables, a local connector and a settable clock. */
export interface BotHarness {
  app: App;
  store: TableStore;
  connector: TestConnector;
  url: string;
  clock: { now: Date };
  post(activity: unknown, headers?: Record<string, string>): Promise<PostResult>;
  postRaw(body: string, headers?: Record<string, string>): Promise<PostResult>;
  activity(
    user: TeamsUser,
    fields: Record<string, unknown>,
    options?: { conversationType?: string },
  ): Record<string, unknown>;
  message(user: TeamsUser, text: string): Promise<PostResult>;
  invoke(user: TeamsUser, verb: string, data: Record<string, unknown>): Promise<PostResult>;
  submit(user: TeamsUser, value: Record<string, unknown>, replyToId?: string): Promise<PostResult>;
  install(user: TeamsUser): Promise<PostResult>;
  conversationUpdate(user: TeamsUser): Promise<PostResult>;
  stop(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  now?: Date;
  env?: Record<string, string>;
  /** Load the seed plan and demo directory (default true). */
  demo?: boolean;
  connector?: ConnectorOptions;
  /** The app's store (default: fresh tables on the test Azurite). */
  store?: TableStore;
  /** The app's logger (default: one at the config's LOG_LEVEL on stdout). */
  logger?: Logger;
  /** Token checks against a local OpenID stand-in (see openid-stand-in.ts). */
  authOverrides?: AppOptions['authOverrides'];
}

/** Starts the real app (CloudAdapter on restify) against Azurite and a local connector. */
export async function startHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const store = options.store ?? (await createTestStore());
  const connector = new TestConnector({
    members: Object.values(USERS).map((u) => ({
      id: u.id,
      name: u.name,
      aadObjectId: u.aadObjectId,
      email: u.email,
    })),
    ...options.connector,
  });
  await connector.start();
  const clock = { now: options.now ?? new Date('2026-11-25T10:00:00Z') };
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const app = createApp({
    config,
    store,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    now: () => clock.now,
    authOverrides: options.authOverrides,
  });
  if (options.demo !== false)
    await loadDemoIfEmpty(app.repos, { now: clock.now, timezone: 'Europe/London' });
  await app.server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;

  const postRaw = async (
    body: string,
    headers: Record<string, string> = {},
  ): Promise<PostResult> => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed };
  };
  const post = (activity: unknown, headers?: Record<string, string>) =>
    postRaw(JSON.stringify(activity), headers);
  const activity: BotHarness['activity'] = (user, fields, opts = {}) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    id: randomUUID(),
    timestamp: clock.now.toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: { id: '28:action-plan-bot', name: 'Action Plan Bot' },
    conversation: {
      id: `a:personal-${user.id}`,
      conversationType: opts.conversationType ?? 'personal',
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-GB',
    ...fields,
  });
  return {
    app,
    store,
    connector,
    url,
    clock,
    post,
    postRaw,
    activity,
    message: (user, text) => post(activity(user, { type: 'message', text })),
    invoke: (user, verb, data) =>
      post(
        activity(user, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      ),
    submit: (user, value, replyToId) =>
      post(activity(user, { type: 'message', value, ...(replyToId ? { replyToId } : {}) })),
    install: (user) => post(activity(user, { type: 'installationUpdate', action: 'add' })),
    conversationUpdate: (user) =>
      post(
        activity(user, {
          type: 'conversationUpdate',
          membersAdded: [
            { id: user.id, aadObjectId: user.aadObjectId },
            { id: '28:action-plan-bot' },
          ],
        }),
      ),
    stop: async () => {
      await app.server.close();
      await connector.stop();
    },
  };
}
