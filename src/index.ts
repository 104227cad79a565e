import { config as loadDotenv } from 'dotenv';
import { createApp, type App } from './app';
import { ConfigError, loadConfig } from './config/config';
import { loadDemoIfEmpty } from './demo/load-demo';
import { createLogger, errorFields } from './logging/logger';
import { guardProcess } from './logging/process-guards';
import { startPlayground, type Playground } from './playground/start-playground';
import { createRepositories } from './services/repositories';
import { openStore } from './storage/open-store';

// Only wiring: settings, storage, the app, then the optional demo and playground. The stop
// is wired as soon as storage is open, so a signal during start-up still stops the embedded
// Azurite and the playground this process started.
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const storage = await openStore(config, 'server');
  let app: App | null = null;
  let playground: Promise<Playground | null> = Promise.resolve(null);
  let stopping: Promise<void> | null = null;
  const release = (): Promise<void> =>
    (stopping ??= (async () => {
      try {
        await (await playground.catch(() => null))?.stop();
        // Turns and job runs in flight finish first, up to a deadline; leases are released.
        await app?.stop();
      } catch (error) {
        logger.error({ err: errorFields(error) }, 'stop incomplete');
      } finally {
        await storage.close();
      }
    })());
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    logger.info({ signal }, 'stopping');
    await release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  guardProcess(process, {
    logger,
    stop: release,
    exit: (code) => process.exit(code),
    // The drain has its own deadline; this leaves room for releasing leases and storage.
    stopTimeoutMs: (config.SHUTDOWN_DEADLINE_SECONDS + 5) * 1000,
  });

  try {
    if (config.embeddedStorage || config.DEMO) {
      const loaded = await loadDemoIfEmpty(createRepositories(storage.store), {
        now: new Date(),
        timezone: config.TIMEZONE,
      });
      if (loaded) logger.info('demo plan and people loaded');
    }
    app = createApp({ config, store: storage.store, logger });
    const port = await app.server.listen(config.PORT, config.host);
    logger.info(
      { port, host: config.host, storage: storage.description, localMode: config.localMode },
      'bot listening',
    );
    if (app.scheduler) {
      const next = Object.entries(app.scheduler.nextRuns()).map(([job, at]) => [
        job,
        at?.toISOString(),
      ]);
      logger.info(Object.fromEntries(next), 'scheduler on');
    }
    if (config.embeddedStorage || config.PLAYGROUND) {
      playground = startPlayground({ botPort: port, port: config.PLAYGROUND_PORT });
      const started = await playground;
      if (started && !stopping) {
        process.stdout.write(`\nAction Plan Bot is running. Open ${started.url} to try it.\n\n`);
      }
    }
  } catch (error) {
    await release();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Action Plan Bot could not start: ${(error as Error).stack ?? String(error)}\n`,
    );
  }
  process.exit(1);
});
