import type { Config } from '../config/config';
import type { Repositories } from '../services/repositories';
import type { OpenStore } from '../storage/open-store';

/** What every CLI command gets: settings, output streams, the clock and lazy storage. */
export interface CliContext {
  config: Config;
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => Date;
  /** Opens storage on first use (dry runs never start it). */
  storage: () => Promise<{ open: OpenStore; repos: Repositories }>;
}

/** An error whose message is meant for the person at the terminal; exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
