import type { Config } from '../config/config';
import type { Logger } from '../logging/logger';
import type { Repositories } from '../services/repositories';

/** Everything the bot's handlers need, built in the composition root. */
export interface BotDeps {
  config: Config;
  repos: Repositories;
  logger: Logger;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
}
