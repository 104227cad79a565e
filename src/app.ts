import type { CloudAdapter } from 'botbuilder';
import { ActionPlanBot } from './bot/action-plan-bot';
import { createAdapter, type AuthOverrides } from './bot/adapter';
import type { BotDeps } from './bot/bot-deps';
import { CARD_ACTIONS } from './bot/card-actions';
import { COMMANDS } from './bot/commands';
import { FREE_TEXT_HANDLERS } from './bot/free-text';
import { receiveFile } from './bot/files/receive-file';
import type { Config } from './config/config';
import type { Logger } from './logging/logger';
import { createRepositories, type Repositories } from './services/repositories';
import { createServer, type BotServer, type HealthReport } from './server/server';
import type { JobDeps } from './jobs/job-context';
import { createJobRunner, type JobRunner } from './jobs';
import { createJobDeps, type JobsSetup } from './jobs/job-deps';
import { startScheduler, type Scheduler } from './jobs/scheduler';
import type { TableStore } from './storage/table-store';

/** The running parts of the bot, built by hand in one place. */
export interface App {
  server: BotServer;
  adapter: CloudAdapter;
  bot: ActionPlanBot;
  repos: Repositories;
  deps: BotDeps;
  /** What the scheduled jobs use (the notifier among them). */
  jobs: JobDeps;
  /** Runs a job by name, as the jobs endpoints do. */
  runJob: JobRunner;
  /** The in-process timer, when SCHEDULER is on. */
  scheduler: Scheduler | null;
  /**
   * Stops taking requests and waits, up to SHUTDOWN_DEADLINE_SECONDS, for turns and job runs in
   * flight; then closes the connections still open and gives up the job leases still held.
   */
  stop(): Promise<void>;
}

/** What the composition root needs from outside: settings, storage, logging and the clock. */
export interface AppOptions {
  config: Config;
  store: TableStore;
  logger: Logger;
  now?: () => Date;
  /** Where Bot Framework tokens are checked (tests point this at a local stand-in). */
  authOverrides?: AuthOverrides;
  /** Overrides for the jobs and the notifier (tests and benchmarks). */
  jobs?: Pick<JobsSetup, 'adapter' | 'notify' | 'holder' | 'maxPerRun' | 'concurrency'>;
}

/**
 * The composition root: repositories → services → bot → server. Tests build their own app
 * with their own store and clock; nothing here is a module-level singleton.
 */
export function createApp(options: AppOptions): App {
  const now = options.now ?? (() => new Date());
  const repos = createRepositories(options.store);
  const jobs = createJobDeps({
    config: options.config,
    repos,
    logger: options.logger,
    now,
    ...options.jobs,
  });
  // The bot tells people things outside their own turn (an owner whose action was reopened)
  // through the same notifier as the jobs, within the same limits.
  const deps: BotDeps = {
    config: options.config,
    repos,
    logger: options.logger,
    now,
    notifier: jobs.notifier,
  };
  const adapter = createAdapter(options.config, options.logger, options.authOverrides);
  const bot = new ActionPlanBot(deps, COMMANDS, CARD_ACTIONS, FREE_TEXT_HANDLERS, receiveFile);
  const startedAt = Date.now();
  const health = async (): Promise<HealthReport> => {
    let storage: HealthReport['storage'] = 'ok';
    try {
      await options.store.ping();
    } catch {
      storage = 'unreachable';
    }
    return {
      status: storage === 'ok' ? 'ok' : 'degraded',
      storage,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  };
  const runJob = createJobRunner(jobs);
  const scheduler = options.config.SCHEDULER
    ? startScheduler({ config: options.config, runJob, logger: options.logger, now })
    : null;
  const server = createServer({
    adapter,
    bot,
    logger: options.logger,
    health,
    jobsSecret: options.config.JOBS_SECRET,
    runJob,
    now,
    bodyTimeoutMs: options.config.BODY_TIMEOUT_SECONDS * 1000,
    maxTurnsInFlight: options.config.MAX_TURNS_IN_FLIGHT,
    shutdownDeadlineMs: options.config.SHUTDOWN_DEADLINE_SECONDS * 1000,
  });
  const stop = async (): Promise<void> => {
    const deadlineMs = options.config.SHUTDOWN_DEADLINE_SECONDS * 1000;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((done) => (timer = setTimeout(done, deadlineMs)));
    await Promise.all([
      server.close(),
      scheduler ? Promise.race([scheduler.stop(), deadline]) : undefined,
    ]);
    clearTimeout(timer);
    // Runs cut off at the deadline still hold their leases; the ledger keeps their sends once.
    const released = await jobs.heldLeases.releaseAll(repos.leases);
    if (released > 0) options.logger.warn({ released }, 'job leases released at stop');
  };
  return { server, adapter, bot, repos, deps, jobs, runJob, scheduler, stop };
}
