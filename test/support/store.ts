import { randomBytes } from 'node:crypto';
import { TableStore } from '../../src/storage/table-store';

/** The connection string of the Azurite that jest's global setup started. */
export function testConnectionString(): string {
  const value = process.env.TEST_TABLES_CONNECTION_STRING;
  if (!value) throw new Error('TEST_TABLES_CONNECTION_STRING is not set: run the tests with jest');
  return value;
}

/** A store with tables of its own (a random prefix), so test files never see each other's data. */
export async function createTestStore(): Promise<TableStore> {
  const store = new TableStore(testConnectionString(), `t${randomBytes(5).toString('hex')}`);
  await store.ensureTables();
  return store;
}

/**
 * Records every request the store's plans, actions and people tables send, as "METHOD url"
 * (decoded), from now on: `clear()` empties the list between steps of a test.
 */
export function recordRequests(store: TableStore): { list: string[]; clear(): void } {
  const list: string[] = [];
  for (const name of ['plans', 'actions', 'people'] as const) {
    store.table(name).pipeline.addPolicy({
      name: 'recordRequests',
      sendRequest: (request, next) => {
        list.push(`${request.method} ${decodeURIComponent(request.url)}`);
        return next(request);
      },
    });
  }
  return { list, clear: () => void list.splice(0) };
}
