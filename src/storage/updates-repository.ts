import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import type { ActionUpdate, UpdateSource } from '../domain/action';
import { isStatus } from '../domain/status';
import { translateStorageError } from './errors';
import { newestFirstKey, refKey, safeKey } from './keys';
import type { TableStore } from './table-store';

interface UpdateEntity {
  partitionKey: string;
  rowKey: string;
  planId: string;
  ref: string;
  at: string;
  by: string;
  byName: string;
  statusFrom?: string;
  statusTo: string;
  note?: string;
  dueFrom?: string;
  dueTo?: string;
  reason?: string;
  source: string;
  event?: string;
  reviewDate?: string;
}

// The separator sorts after every character a plan id may hold, so one plan's partitions
// form a contiguous key range.
const SEP = '|';

function partitionOf(planId: string, ref: string): string {
  return `${safeKey(planId)}${SEP}${refKey(ref)}`;
}

function toUpdate(e: UpdateEntity): ActionUpdate {
  return {
    id: e.rowKey.slice(14),
    planId: e.planId,
    ref: e.ref,
    at: e.at,
    by: e.by,
    byName: e.byName,
    statusFrom: e.statusFrom && isStatus(e.statusFrom) ? e.statusFrom : null,
    statusTo: isStatus(e.statusTo) ? e.statusTo : 'not-started',
    note: e.note ?? null,
    dueFrom: e.dueFrom ?? null,
    dueTo: e.dueTo ?? null,
    reason: e.reason ?? null,
    source: e.source as UpdateSource,
    event: e.event === 'signed-off' || e.event === 'reopened' ? e.event : null,
    reviewDate: e.reviewDate ?? null,
  };
}

/** A new audit entry: the id is chosen by the repository unless given. */
export type NewUpdate = Omit<ActionUpdate, 'id'> & { id?: string };

/**
 * The append-only audit trail of every action: one partition per action, newest first.
 * Rows are only ever inserted, so concurrent updates never overwrite one another.
 */
export class UpdatesRepository {
  constructor(private readonly store: TableStore) {}

  /** Records an update and returns it with its id. Re-sending the same id is harmless. */
  async append(update: NewUpdate): Promise<ActionUpdate> {
    const id = update.id ?? randomUUID();
    const entity: UpdateEntity = {
      partitionKey: partitionOf(update.planId, update.ref),
      rowKey: newestFirstKey(update.at, id),
      planId: update.planId,
      ref: update.ref,
      at: update.at,
      by: update.by,
      byName: update.byName,
      statusFrom: update.statusFrom ?? undefined,
      statusTo: update.statusTo,
      note: update.note ?? undefined,
      dueFrom: update.dueFrom ?? undefined,
      dueTo: update.dueTo ?? undefined,
      reason: update.reason ?? undefined,
      source: update.source,
      event: update.event ?? undefined,
      reviewDate: update.reviewDate ?? undefined,
    };
    try {
      // Upsert by a key that includes the id makes a retried append idempotent.
      await this.store.table('updates').upsertEntity(entity, 'Replace');
    } catch (error) {
      throw translateStorageError(error, `the update to action ${update.ref}`);
    }
    return { ...update, id };
  }

  /** The history of one action, newest first. */
  async listForAction(planId: string, ref: string, limit?: number): Promise<ActionUpdate[]> {
    return this.query(odata`PartitionKey eq ${partitionOf(planId, ref)}`, limit);
  }

  /** Every update to a plan's actions, optionally only those at or after an instant; newest first. */
  async listForPlan(planId: string, since?: string): Promise<ActionUpdate[]> {
    const low = `${safeKey(planId)}${SEP}`;
    const high = `${safeKey(planId)}${String.fromCharCode(SEP.charCodeAt(0) + 1)}`;
    const filter = since
      ? odata`PartitionKey ge ${low} and PartitionKey lt ${high} and at ge ${since}`
      : odata`PartitionKey ge ${low} and PartitionKey lt ${high}`;
    const updates = await this.query(filter);
    return updates.sort((a, b) => b.at.localeCompare(a.at));
  }

  private async query(filter: string, limit?: number): Promise<ActionUpdate[]> {
    const updates: ActionUpdate[] = [];
    try {
      const rows = this.store
        .table('updates')
        .listEntities<UpdateEntity>({ queryOptions: { filter } });
      for await (const row of rows) {
        updates.push(toUpdate(row));
        if (limit !== undefined && updates.length >= limit) break;
      }
    } catch (error) {
      throw translateStorageError(error, 'updates');
    }
    return updates;
  }
}
