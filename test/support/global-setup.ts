import { startAzurite } from '../../src/storage/azurite';

/** Starts one in-memory Azurite for the whole run; each test file uses its own tables. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  process.env.TEST_TABLES_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __azurite__?: typeof azurite }).__azurite__ = azurite;
}
