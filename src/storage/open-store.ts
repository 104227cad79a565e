import type { Config } from '../config/config';
import { dataDir } from '../config/paths';
import { startAzurite } from './azurite';
import { migrateHistory } from './migrate-history';
import { TableStore } from './table-store';

/** An open store and how to let go of it. */
export interface OpenStore {
  store: TableStore;
  /** Stops the embedded Azurite if this process is the one responsible for it. */
  close(): Promise<void>;
  /** Where the data is, for messages ("embedded store in /x/.data" or "Azure Table Storage"). */
  description: string;
}

/**
 * Opens Table Storage: Azure (or any endpoint) when TABLES_CONNECTION_STRING is set, otherwise the
 * embedded Azurite, started or joined so the CLI and a running server share one process.
 */
export async function openStore(config: Config, role: 'server' | 'cli'): Promise<OpenStore> {
  if (!config.embeddedStorage && config.TABLES_CONNECTION_STRING) {
    const store = new TableStore(config.TABLES_CONNECTION_STRING, config.TABLE_PREFIX);
    await store.ensureTables();
    await migrateHistory(store);
    return { store, close: async () => undefined, description: 'Azure Table Storage' };
  }
  const dir = dataDir(config.DATA_DIR);
  const azurite = await startAzurite({ dataDir: dir }, { role });
  const store = new TableStore(azurite.connectionString, config.TABLE_PREFIX);
  await store.ensureTables();
  await migrateHistory(store);
  return { store, close: () => azurite.stop(), description: `embedded table store in ${dir}` };
}
