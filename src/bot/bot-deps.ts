import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Notifier } from '../notify/notifier';
import type { Repositories } from '../services/repositories';

/** Everything the bot's handlers need, built in the composition root. */
export interface BotDeps {
  config: Config;
  repos: Repositories;
  logger: Logger;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /** Proactive messages (e.g. a new plan's first messages to its owners), within Teams' limits. */
  notifier: Notifier;
}
