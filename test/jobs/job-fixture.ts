import { loadConfig } from '../../src/config/config';
import { loadDemoIfEmpty } from '../../src/demo/load-demo';
import type { JobDeps } from '../../src/jobs/job-context';
import { createJobDeps } from '../../src/jobs/job-deps';
import { createLogger } from '../../src/logging/logger';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { randomBytes } from 'node:crypto';
import { TableStore } from '../../src/storage/table-store';
import { TestConnector, type CapturedActivity, type FaultDecision } from '../support/connector';
import { testConnectionString } from '../support/store';

/** The demo plan's id. */
export const PLAN = 'members-communications';
/** The demo directory's people the tests talk about. */
export const ALEX = 'alexw@example.com';
export const MEGAN = 'meganb@example.com';
export const ISAIAH = 'isaiahl@example.com';
export const ADELE = 'adelev@example.com';
export const PATTI = 'pattif@example.com';
const TENANT = 'tenant-1';

/** Wednesday 25 November 2026, 09:00 in London: a nudge time. */
export const WEDNESDAY_NINE = new Date('2026-11-25T09:00:00Z');

/** The conversation the fixture gives a person. */
export const conversationOf = (email: string): string => `a:${email.split('@')[0]}`;

/** Every string in a card or activity, so tests can look for what a person would read. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join(' ');
  return '';
}

/** A store with the demo plan and directory, a local connector, and job dependencies. */
export interface JobFixture {
  store: TableStore;
  /** The tables' prefix (TABLE_PREFIX for a CLI over the same tables). */
  prefix: string;
  repos: Repositories;
  connector: TestConnector;
  deps: JobDeps;
  clock: { now: Date };
  /** Activities the connector received for a person. */
  received(email: string): CapturedActivity[];
  /** Gives a person a conversation with the bot on the fixture's connector. */
  connect(email: string): Promise<void>;
  /** Another instance over the same tables: its own store client, notifier and lease holder. */
  instance(holder: string): JobDeps;
  stop(): Promise<void>;
}

/** Options of {@link jobFixture}. */
export interface FixtureOptions {
  fault?: (request: { method: string; conversationId: string }) => FaultDecision;
  maxPerRun?: number;
  /** People given a conversation with the bot (default Alex, Megan, Isaiah and Patti). */
  connected?: string[];
}

/** Builds the fixture on fresh tables of the test Azurite. */
export async function jobFixture(options: FixtureOptions = {}): Promise<JobFixture> {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const store = new TableStore(testConnectionString(), prefix);
  await store.ensureTables();
  const repos = createRepositories(store);
  const clock = { now: WEDNESDAY_NINE };
  const connector = new TestConnector({ fault: (request) => options.fault?.(request) ?? null });
  await connector.start();
  await loadDemoIfEmpty(repos, {
    now: new Date('2026-01-05T10:00:00Z'),
    timezone: 'Europe/London',
  });
  const config = loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false' });
  const build = (s: TableStore, holder: string): JobDeps =>
    createJobDeps({
      config,
      repos: createRepositories(s),
      logger: createLogger('silent'),
      now: () => clock.now,
      holder,
      maxPerRun: options.maxPerRun,
      notify: { retry: { maxAttempts: 4, baseMs: 20, capMs: 200, maxRetryAfterMs: 1000 } },
    });
  const connect = async (email: string): Promise<void> => {
    await repos.people.rememberTeamsIdentity(email, {
      aadObjectId: `aad-${email.split('@')[0]}`,
      teamsUserId: `29:${email.split('@')[0]}`,
      tenantId: TENANT,
      conversationReference: {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversation: { id: conversationOf(email), conversationType: 'personal', tenantId: TENANT },
        user: { id: `29:${email.split('@')[0]}` },
        bot: { id: '28:action-plan-bot', name: 'Action Plan Bot' },
      },
    });
  };
  for (const email of options.connected ?? [ALEX, MEGAN, ISAIAH, PATTI]) await connect(email);
  return {
    store,
    prefix,
    repos,
    connector,
    deps: build(store, 'instance-a'),
    clock,
    received: (email) =>
      connector.activities.filter((a) => a.conversationId === conversationOf(email)),
    connect,
    instance: (holder) => build(new TableStore(testConnectionString(), prefix), holder),
    stop: () => connector.stop(),
  };
}

type Dying = { ledger: 'markSent' | 'beginSend'; replies: 'set' };

/**
 * Job dependencies whose `repo` throws ("the process dies") once `after` calls of `method` have
 * run.
 */
export function dyingAfter<R extends keyof Dying>(
  deps: JobDeps,
  method: Dying[R],
  after: number,
  repo: R = 'ledger' as R,
): JobDeps {
  const real = deps.repos[repo];
  let calls = 0;
  const proxy = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        calls += 1;
        if (calls > after) throw new Error('the process died');
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return { ...deps, repos: { ...deps.repos, [repo]: proxy }, concurrency: 4 };
}
