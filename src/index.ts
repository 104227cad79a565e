import { config as loadDotenv } from 'dotenv';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { loadDemoIfEmpty } from './demo/load-demo';
import { createLogger } from './logging/logger';
import { guardProcess } from './logging/process-guards';
import { startPlayground, type Playground } from './playground/start-playground';
import { createRepositories } from './services/repositories';
import { openStore } from './storage/open-store';

// Only wiring: settings, storage, the app, then the optional demo and playground.
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const storage = await openStore(config, 'server');
  if (config.embeddedStorage || config.DEMO) {
    const loaded = await loadDemoIfEmpty(createRepositories(storage.store), {
      now: new Date(),
      timezone: config.TIMEZONE,
    });
    if (loaded) logger.info('demo plan and people loaded');
  }
  const app = createApp({ config, store: storage.store, logger });
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
  let playground: Playground | null = null;
  if (config.embeddedStorage || config.PLAYGROUND) {
    playground = await startPlayground({ botPort: port, port: config.PLAYGROUND_PORT });
    process.stdout.write(`\nAction Plan Bot is running. Open ${playground.url} to try it.\n\n`);
  }
  let stopping: Promise<void> | null = null;
  // Turns and job runs in flight finish first; their leases are released as they end.
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await playground?.stop();
      await Promise.all([app.server.close(), app.scheduler?.stop()]);
      await storage.close();
    })());
  const onSignal = (signal: string) => () => {
    logger.info({ signal }, 'stopping');
    void stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', onSignal('SIGTERM'));
  process.on('SIGINT', onSignal('SIGINT'));
  guardProcess(process, { logger, stop, exit: (code) => process.exit(code) });
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
