import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { newestFirst, type ActionUpdate, type UpdateSource } from '../domain/action';
import { isStatus } from '../domain/status';
import { statusCodeOf, translateStorageError } from './errors';
import { HISTORY_ROWS, historyKey, historyPrefix, prefixEnd } from './keys';
import type { RecentActions } from './recent-actions';
import type { TableStore } from './table-store';

/** A history row as stored: in its plan's partition of the actions table. */
export interface UpdateEntity {
  partitionKey: string;
  rowKey: string;
  updateId: string;
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

/** The update a stored row holds (shared with the migration of legacy rows). */
export function toUpdate(e: UpdateEntity): ActionUpdate {
  return {
    id: e.updateId,
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

/** The stored row of an update with its id (shared with the actions repository's transaction). */
export function toUpdateEntity(update: ActionUpdate): UpdateEntity {
  return {
    partitionKey: update.planId,
    rowKey: historyKey(update.ref, update.id),
    updateId: update.id,
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
}

/** A new audit entry: the id is chosen by the repository unless given. */
export type NewUpdate = Omit<ActionUpdate, 'id'> & { id?: string };

/**
 * The audit trail of every action. Each update is a row in its plan's partition of the actions
 * table, keyed by the action and the update's id, so that one transaction can write it together
 * with the action it changed (see ActionsRepository.saveWithUpdate) and a retried write of the
 * same update lands once. Rows are only ever inserted.
 */
export class UpdatesRepository {
  constructor(
    private readonly store: TableStore,
    private readonly recent: RecentActions,
  ) {}

  /**
   * Records an update on its own and returns it with its id. Re-sending the same id is harmless.
   * (Progress is recorded with its action by ActionsRepository.saveWithUpdate.)
   */
  async append(update: NewUpdate): Promise<ActionUpdate> {
    const saved: ActionUpdate = { ...update, id: update.id ?? randomUUID() };
    try {
      await this.store.table('actions').upsertEntity(toUpdateEntity(saved), 'Replace');
    } catch (error) {
      throw translateStorageError(error, `the update to action ${update.ref}`);
    } finally {
      // A row written without its action leaves the action's version as it was: what this
      // instance holds for that version no longer tells the whole history.
      this.recent.forget(update.planId, update.ref);
    }
    return saved;
  }

  /** One update by its id, or null. */
  async get(planId: string, ref: string, id: string): Promise<ActionUpdate | null> {
    try {
      return toUpdate(
        await this.store.table('actions').getEntity<UpdateEntity>(planId, historyKey(ref, id)),
      );
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, `the update to action ${ref}`);
    }
  }

  /** The history of one action, newest first. */
  async listForAction(planId: string, ref: string, limit?: number): Promise<ActionUpdate[]> {
    const from = historyPrefix(ref);
    const updates = await this.query(
      odata`PartitionKey eq ${planId} and RowKey ge ${from} and RowKey lt ${prefixEnd(from)}`,
    );
    return limit === undefined ? updates : updates.slice(0, limit);
  }

  /**
   * The latest `limit` updates of an action as it stood at `version` (the action's version when
   * it was read), newest first: from what this instance last read or wrote when it holds that
   * version's history, read otherwise. Without a version it always reads.
   */
  async latestFor(
    action: { planId: string; ref: string; version?: string },
    limit: number,
  ): Promise<ActionUpdate[]> {
    const { planId, ref, version } = action;
    const known = version ? this.recent.history(planId, ref, version, limit) : undefined;
    if (known) return known;
    const all = await this.listForAction(planId, ref);
    if (version) this.recent.rememberHistory(planId, ref, version, all);
    return all.slice(0, limit);
  }

  /** Every update to a plan's actions, optionally only those at or after an instant; newest first. */
  async listForPlan(planId: string, since?: string): Promise<ActionUpdate[]> {
    const range = odata`PartitionKey eq ${planId} and RowKey ge ${HISTORY_ROWS.from} and RowKey lt ${HISTORY_ROWS.to}`;
    return this.query(since ? `${range} and ${odata`at ge ${since}`}` : range);
  }

  private async query(filter: string): Promise<ActionUpdate[]> {
    const updates: ActionUpdate[] = [];
    try {
      const rows = this.store
        .table('actions')
        .listEntities<UpdateEntity>({ queryOptions: { filter } });
      for await (const row of rows) updates.push(toUpdate(row));
    } catch (error) {
      throw translateStorageError(error, 'updates');
    }
    return newestFirst(updates);
  }
}
