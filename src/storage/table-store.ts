import {
  TableClient,
  TableServiceClient,
  TableTransaction,
  type TableServiceClientOptions,
} from '@azure/data-tables';
import { sendWithDeadline } from '../util/request-deadline';
import { statusCodeOf, translateStorageError } from './errors';

/** The tables the bot uses (DESIGN.md §2). */
export const TABLES = [
  'plans',
  'actions',
  // Only history written by earlier versions, moved into 'actions' on start (migrate-history.ts).
  'updates',
  'people',
  'ledger',
  'leases',
  'replies',
  'previews',
  'importaudit',
  'channels',
] as const;

/** One of {@link TABLES}. */
export type TableName = (typeof TABLES)[number];

/** Most operations one Table Storage transaction may hold. */
export const BATCH_LIMIT = 100;

/** How long one storage request may wait for an answer, and how failures are retried. */
export interface StoreTimings {
  /** Per attempt; a request that hangs (a dead route) fails after this long. */
  requestTimeoutMs: number;
  /** Retries of a refused or reset connection, or a 5xx/408 answer. */
  maxRetries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

/**
 * Bounded so a person's turn fails with "please try again" well inside the 15 s after which
 * Teams gives up (and resends): a refused connection fails in about 1 s after two quick
 * retries, a hanging one after 5 s. The SDK's defaults would wait over a minute, or forever.
 */
export const DEFAULT_STORE_TIMINGS: StoreTimings = {
  requestTimeoutMs: 5000,
  maxRetries: 2,
  retryDelayMs: 200,
  maxRetryDelayMs: 1000,
};

function clientOptions(
  connectionString: string,
  timings: StoreTimings,
  maxRetries?: number,
): TableServiceClientOptions {
  return {
    allowInsecureConnection: connectionString.includes('http://'),
    retryOptions: {
      maxRetries: maxRetries ?? timings.maxRetries,
      retryDelayInMs: timings.retryDelayMs,
      maxRetryDelayInMs: timings.maxRetryDelayMs,
    },
    additionalPolicies: [
      {
        // Each attempt has its own deadline, as the request's own timeout would give it.
        position: 'perRetry',
        policy: {
          name: 'storeRequestTimeout',
          sendRequest: (request, next) =>
            request.timeout
              ? next(request)
              : sendWithDeadline(request, timings.requestTimeoutMs, () => next(request)),
        },
      },
    ],
  };
}

/**
 * The tables of one store (a storage account or Azurite), named with a prefix so several bots
 * or test files can share an account. Built once in the composition root and passed down.
 */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();

  constructor(
    private readonly connectionString: string,
    private readonly prefix: string,
    private readonly timings: StoreTimings = DEFAULT_STORE_TIMINGS,
  ) {}

  /** The client of one table. */
  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      client = TableClient.fromConnectionString(
        this.connectionString,
        `${this.prefix}${name}`,
        clientOptions(this.connectionString, this.timings),
      );
      this.clients.set(name, client);
    }
    return client;
  }

  /** Creates every table that does not exist yet. Safe to call at every start. */
  async ensureTables(): Promise<void> {
    await Promise.all(
      TABLES.map(async (name) => {
        try {
          await this.table(name).createTable();
        } catch (error) {
          if (statusCodeOf(error) !== 409) throw translateStorageError(error, `table ${name}`);
        }
      }),
    );
  }

  /** Deletes every table (tests and demo resets only). */
  async dropTables(): Promise<void> {
    await Promise.all(TABLES.map((name) => this.table(name).deleteTable()));
  }

  /** A lightweight call that fails when storage is unreachable; used by /healthz. */
  async ping(): Promise<void> {
    const service = TableServiceClient.fromConnectionString(
      this.connectionString,
      // Health checks answer quickly either way: no retries, and a shorter wait.
      clientOptions(
        this.connectionString,
        { ...this.timings, requestTimeoutMs: Math.min(2000, this.timings.requestTimeoutMs) },
        0,
      ),
    );
    const iterator = service.listTables({
      queryOptions: { filter: `TableName eq '${this.prefix}plans'` },
    });
    await iterator.next();
  }

  /**
   * Upserts entities in transactions of at most 100, grouped by partition, running up to four
   * transactions at once (the throughput Azure and Azurite handle well).
   */
  async upsertMany<T extends { partitionKey: string; rowKey: string }>(
    name: TableName,
    entities: T[],
    mode: 'Replace' | 'Merge' = 'Replace',
  ): Promise<void> {
    const byPartition = new Map<string, T[]>();
    for (const entity of entities) {
      const list = byPartition.get(entity.partitionKey) ?? [];
      list.push(entity);
      byPartition.set(entity.partitionKey, list);
    }
    const batches: T[][] = [];
    for (const list of byPartition.values()) {
      for (let i = 0; i < list.length; i += BATCH_LIMIT)
        batches.push(list.slice(i, i + BATCH_LIMIT));
    }
    const client = this.table(name);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const batch = batches[next++];
        const transaction = new TableTransaction();
        for (const entity of batch) transaction.upsertEntity(entity, mode);
        try {
          await client.submitTransaction(transaction.actions);
        } catch (error) {
          throw translateStorageError(error, `a batch of ${name}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, batches.length) }, worker));
  }
}
