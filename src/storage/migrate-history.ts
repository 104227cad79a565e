import { TableTransaction } from '@azure/data-tables';
import type { ActionUpdate } from '../domain/action';
import { translateStorageError } from './errors';
import { BATCH_LIMIT, type TableStore } from './table-store';
import { toUpdate, toUpdateEntity, type UpdateEntity } from './updates-repository';

/**
 * A history row as earlier versions stored it: in the `updates` table, newest first by key, with
 * the update's id only inside the row key.
 */
type LegacyUpdateEntity = Omit<UpdateEntity, 'updateId'>;

// The legacy key was 13 digits of inverted time, a dash, then the update's id.
const LEGACY_ID_FROM = 14;

function fromLegacy(e: LegacyUpdateEntity): ActionUpdate {
  return toUpdate({ ...e, updateId: e.rowKey.slice(LEGACY_ID_FROM) });
}

async function deleteRows(store: TableStore, rows: LegacyUpdateEntity[]): Promise<void> {
  const byPartition = new Map<string, LegacyUpdateEntity[]>();
  for (const row of rows) {
    const list = byPartition.get(row.partitionKey) ?? [];
    list.push(row);
    byPartition.set(row.partitionKey, list);
  }
  const client = store.table('updates');
  for (const list of byPartition.values()) {
    for (let i = 0; i < list.length; i += BATCH_LIMIT) {
      const transaction = new TableTransaction();
      for (const row of list.slice(i, i + BATCH_LIMIT))
        transaction.deleteEntity(row.partitionKey, row.rowKey);
      await client.submitTransaction(transaction.actions);
    }
  }
}

/**
 * Moves the update history of earlier versions (the `updates` table) into the actions table,
 * beside the actions, where one transaction writes an action and its update together. Each page
 * is copied before it is deleted, and copying is idempotent (same key, same row), so a start
 * that stops half-way simply carries on next time. Returns how many updates were moved; with
 * nothing left to move it costs one empty query.
 */
export async function migrateHistory(store: TableStore): Promise<number> {
  let moved = 0;
  try {
    // Pages are re-read from the start each time: the rows of the last page are gone by then.
    for (;;) {
      const pages = store
        .table('updates')
        .listEntities<LegacyUpdateEntity>()
        .byPage({ maxPageSize: 1000 });
      const page = await pages.next();
      const rows = page.done ? [] : page.value;
      if (rows.length === 0) return moved;
      await store.upsertMany(
        'actions',
        rows.map((row) => toUpdateEntity(fromLegacy(row))),
      );
      await deleteRows(store, rows);
      moved += rows.length;
    }
  } catch (error) {
    throw translateStorageError(error, 'the update history');
  }
}
