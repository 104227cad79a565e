import { hostname } from 'node:os';
import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import { createNotifier, type NotifierSetup } from '../notify/create-notifier';
import type { NotifierOptions } from '../notify/notifier';
import type { Repositories } from '../services/repositories';
import type { JobDeps } from './job-context';
import { HeldLeases } from './held-leases';

/** What the jobs are built from: the app's settings, storage, logger and clock. */
export interface JobsSetup {
  config: Config;
  repos: Repositories;
  logger: Logger;
  now: () => Date;
  /** Replaces the notifier's own adapter (which paces requests and leaves retries to it). */
  adapter?: NotifierSetup['adapter'];
  /** Rate limits, retry policy and the like (tests and benchmarks). */
  notify?: NotifierOptions;
  /** Names this process in job leases. */
  holder?: string;
  maxPerRun?: number;
  concurrency?: number;
}

/** The notifier and the job dependencies of an app or CLI run. */
export function createJobDeps(setup: JobsSetup): JobDeps {
  const { config, repos, logger, now } = setup;
  const notifier = createNotifier({
    config,
    people: repos.people,
    logger,
    now,
    options: setup.notify,
    adapter: setup.adapter,
  });
  return {
    repos,
    notifier,
    config,
    logger,
    now,
    holder: setup.holder ?? `${hostname()}:${process.pid}`,
    heldLeases: new HeldLeases(),
    maxPerRun: setup.maxPerRun,
    concurrency: setup.concurrency,
  };
}
