import { config as loadDotenv } from 'dotenv';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { loadDemoIfEmpty } from './demo/load-demo';
import { createLogger } from './logging/logger';
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
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await playground?.stop();
    // Turns and job runs in flight finish first; their leases are released as they end.
    await Promise.all([app.server.close(), app.scheduler?.stop()]);
    await storage.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
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
