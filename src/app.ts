import type { CloudAdapter } from 'botbuilder';
import { ActionPlanBot } from './bot/action-plan-bot';
import { createAdapter } from './bot/adapter';
import type { BotDeps } from './bot/bot-deps';
import { CARD_ACTIONS } from './bot/card-actions';
import { COMMANDS } from './bot/commands';
import { FREE_TEXT_HANDLERS } from './bot/free-text';
import type { Config } from './config/config';
import type { Logger } from './logging/logger';
import { createRepositories, type Repositories } from './services/repositories';
import { createServer, type BotServer, type HealthReport } from './server/server';
import type { JobRunner } from './server/jobs-route';
import type { TableStore } from './storage/table-store';

/** The running parts of the bot, built by hand in one place. */
export interface App {
  server: BotServer;
  adapter: CloudAdapter;
  bot: ActionPlanBot;
  repos: Repositories;
  deps: BotDeps;
}

/** What the composition root needs from outside: settings, storage, logging and the clock. */
export interface AppOptions {
  config: Config;
  store: TableStore;
  logger: Logger;
  now?: () => Date;
}

/**
 * The composition root: repositories → services → bot → server. Tests build their own app
 * with their own store and clock; nothing here is a module-level singleton.
 */
export function createApp(options: AppOptions): App {
  const now = options.now ?? (() => new Date());
  const repos = createRepositories(options.store);
  const deps: BotDeps = { config: options.config, repos, logger: options.logger, now };
  const adapter = createAdapter(options.config, options.logger);
  const bot = new ActionPlanBot(deps, COMMANDS, CARD_ACTIONS, FREE_TEXT_HANDLERS);
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
  const runJob: JobRunner = async (name) => {
    throw new Error(`job ${name} is not set up`);
  };
  const server = createServer({
    adapter,
    bot,
    logger: options.logger,
    health,
    jobsSecret: options.config.JOBS_SECRET,
    runJob,
    now,
  });
  return { server, adapter, bot, repos, deps };
}
