import { errorFields, type Logger } from './logger';

/** What {@link guardProcess} listens to and stops: the process itself, or a stand-in in tests. */
export interface GuardedProcess {
  on(event: 'unhandledRejection' | 'uncaughtException', listener: (error: unknown) => void): void;
}

/** Options of {@link guardProcess}. */
export interface ProcessGuardOptions {
  logger: Logger;
  /** Closes what is open (server, timers, storage); called once, however many errors arrive. */
  stop: () => Promise<void>;
  /** Ends the process with a code (process.exit in production). */
  exit: (code: number) => void;
  /** How long `stop` may take before the process ends anyway. */
  stopTimeoutMs?: number;
}

/** Long enough for turns in flight to finish; short enough for the host to restart us soon. */
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/**
 * Logs an unhandled rejection or uncaught exception with its stack, then stops the process
 * cleanly with exit code 1: after such an error its state cannot be trusted, and the host (App
 * Service, a container) starts a fresh one. A `stop` that hangs does not keep it alive.
 */
export function guardProcess(target: GuardedProcess, options: ProcessGuardOptions): void {
  const { logger, stop, exit } = options;
  let stopping = false;
  const fail = (kind: string) => (error: unknown) => {
    logger.fatal({ err: errorFields(error), kind }, 'unexpected error; stopping');
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => exit(1), options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS);
    stop().then(
      () => {
        clearTimeout(timer);
        exit(1);
      },
      (stopError: unknown) => {
        clearTimeout(timer);
        logger.error({ err: errorFields(stopError) }, 'could not stop cleanly');
        exit(1);
      },
    );
  };
  target.on('unhandledRejection', fail('unhandledRejection'));
  target.on('uncaughtException', fail('uncaughtException'));
}
