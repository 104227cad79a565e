import { odata, TableTransaction } from '@azure/data-tables';
import type { Action, ActionUpdate } from '../domain/action';
import { isStatus, type Status } from '../domain/status';
import { AlreadyRecordedError, ConflictError, statusCodeOf, translateStorageError } from './errors';
import { HISTORY_ROWS, refKey } from './keys';
import type { RecentActions } from './recent-actions';
import { BATCH_LIMIT, type TableStore } from './table-store';
import { toUpdateEntity } from './updates-repository';

interface ActionEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  ref: string;
  recommendation: string;
  proposedAction: string;
  owners: string;
  budget: string;
  timescale: string;
  due?: string;
  revisedDue?: string;
  revisedReason?: string;
  status: string;
  lastUpdateAt?: string;
  lastUpdateBy?: string;
  lastNote?: string;
  statusReason?: string;
  reviewDate?: string;
  signedOffAt?: string;
  signedOffBy?: string;
}

/** An action as it is written: everything but the version. */
export type ActionFields = Omit<Action, 'version'>;

function toAction(e: ActionEntity): Action {
  const status: Status = isStatus(e.status) ? e.status : 'not-started';
  return {
    planId: e.partitionKey,
    ref: e.ref,
    recommendation: e.recommendation,
    proposedAction: e.proposedAction,
    owners: JSON.parse(e.owners) as string[],
    budget: e.budget,
    timescale: e.timescale,
    due: e.due ?? null,
    revisedDue: e.revisedDue ?? null,
    revisedReason: e.revisedReason ?? null,
    status,
    lastUpdateAt: e.lastUpdateAt ?? null,
    lastUpdateBy: e.lastUpdateBy ?? null,
    lastNote: e.lastNote ?? null,
    statusReason: e.statusReason ?? null,
    reviewDate: e.reviewDate ?? null,
    signedOffAt: e.signedOffAt ?? null,
    signedOffBy: e.signedOffBy ?? null,
    version: e.etag ?? '',
  };
}

/** The stored row of an action (exported for the import bench's raw baseline). */
export function toActionEntity(a: ActionFields): ActionEntity {
  return {
    partitionKey: a.planId,
    rowKey: refKey(a.ref),
    ref: a.ref,
    recommendation: a.recommendation,
    proposedAction: a.proposedAction,
    owners: JSON.stringify(a.owners),
    budget: a.budget,
    timescale: a.timescale,
    due: a.due ?? undefined,
    revisedDue: a.revisedDue ?? undefined,
    revisedReason: a.revisedReason ?? undefined,
    status: a.status,
    lastUpdateAt: a.lastUpdateAt ?? undefined,
    lastUpdateBy: a.lastUpdateBy ?? undefined,
    lastNote: a.lastNote ?? undefined,
    statusReason: a.statusReason ?? undefined,
    reviewDate: a.reviewDate ?? undefined,
    signedOffAt: a.signedOffAt ?? undefined,
    signedOffBy: a.signedOffBy ?? undefined,
  };
}

/** Stores the actions of every plan: one partition per plan, one row per action. */
export class ActionsRepository {
  constructor(
    private readonly store: TableStore,
    private readonly recent: RecentActions,
  ) {}

  /** The action as it stands now, or null when the plan has no action with that reference. */
  async get(planId: string, ref: string): Promise<Action | null> {
    const ticket = this.recent.ticket();
    try {
      const action = toAction(
        await this.store.table('actions').getEntity<ActionEntity>(planId, refKey(ref)),
      );
      this.recent.rememberAction(action, ticket);
      return action;
    } catch (error) {
      if (statusCodeOf(error) === 404) {
        this.recent.forget(planId, ref);
        return null;
      }
      throw translateStorageError(error, `action ${ref} of ${planId}`);
    }
  }

  /**
   * The action as this instance last read or wrote it, when that was at `version`; otherwise
   * undefined. Only to build a write guarded by that version (saveWithUpdate), which fails if the
   * action has changed since on any instance: never to show what an action is now.
   */
  recentAt(planId: string, ref: string, version: string): Action | undefined {
    return this.recent.action(planId, ref, version);
  }

  /**
   * The action as this instance read or wrote it less than a minute ago, or else as it stands
   * now: for showing again the other actions of a card being rebuilt, where a change made
   * elsewhere may take up to a minute to show (as for people and plans). Never to build a write.
   */
  async getShown(planId: string, ref: string): Promise<Action | null> {
    return this.recent.shown(planId, ref) ?? this.get(planId, ref);
  }

  /** Every action of a plan, in the plan's order (the action rows of its partition, by RowKey). */
  async listByPlan(planId: string): Promise<Action[]> {
    const actions: Action[] = [];
    // The partition also holds the actions' history, keyed after every action.
    const filter = odata`PartitionKey eq ${planId} and RowKey lt ${HISTORY_ROWS.from}`;
    try {
      const rows = this.store
        .table('actions')
        .listEntities<ActionEntity>({ queryOptions: { filter } });
      for await (const row of rows) actions.push(toAction(row));
    } catch (error) {
      throw translateStorageError(error, `actions of ${planId}`);
    }
    return actions;
  }

  /** Writes many actions at once in batches of up to 100 (imports). */
  async saveMany(actions: ActionFields[]): Promise<void> {
    try {
      await this.store.upsertMany('actions', actions.map(toActionEntity));
    } finally {
      for (const a of actions) this.recent.forget(a.planId, a.ref);
    }
  }

  /**
   * Writes actions read earlier only if none has changed since: each existing one with the
   * version it was read at, each new one only if still absent. One transaction per 100, so a
   * ConflictError means that transaction wrote nothing (earlier ones did); the caller re-reads
   * and tries again.
   */
  async saveUnchanged(rows: { action: ActionFields; version: string | null }[]): Promise<void> {
    try {
      await this.saveBatches(rows);
    } finally {
      for (const { action } of rows) this.recent.forget(action.planId, action.ref);
    }
  }

  /** The transactions of {@link saveUnchanged}, one per 100 rows. */
  private async saveBatches(
    rows: { action: ActionFields; version: string | null }[],
  ): Promise<void> {
    const client = this.store.table('actions');
    for (let i = 0; i < rows.length; i += BATCH_LIMIT) {
      const transaction = new TableTransaction();
      for (const { action, version } of rows.slice(i, i + BATCH_LIMIT)) {
        const entity = toActionEntity(action);
        if (version === null) transaction.createEntity(entity);
        else transaction.updateEntity(entity, 'Replace', { etag: version });
      }
      try {
        await client.submitTransaction(transaction.actions);
      } catch (error) {
        const status = statusCodeOf(error);
        if (status === 409 || status === 412) {
          throw new ConflictError(`An action of ${rows[i].action.planId}`);
        }
        throw translateStorageError(error, `actions of ${rows[i].action.planId}`);
      }
    }
  }

  /** Deletes actions by reference (undoing an interrupted import); absent ones are skipped. */
  async deleteMany(planId: string, refs: string[]): Promise<void> {
    for (const ref of refs) {
      try {
        await this.store.table('actions').deleteEntity(planId, refKey(ref));
      } catch (error) {
        if (statusCodeOf(error) !== 404) {
          throw translateStorageError(error, `action ${ref} of ${planId}`);
        }
      } finally {
        this.recent.forget(planId, ref);
      }
    }
  }

  /**
   * Writes a change to an action read earlier. Fails with ConflictError when the action has
   * changed since (its version no longer matches), so no one's edit is silently overwritten.
   * Returns the action with its new version.
   */
  async update(action: Action): Promise<Action> {
    const { version, ...fields } = action;
    try {
      const response = await this.store
        .table('actions')
        .updateEntity(toActionEntity(fields), 'Replace', { etag: version });
      return { ...action, version: response.etag ?? '' };
    } catch (error) {
      throw translateStorageError(error, `Action ${action.ref}`);
    } finally {
      this.recent.forget(action.planId, action.ref);
    }
  }

  /**
   * Writes a change to an action read earlier together with the update that records it, in one
   * transaction: both land or neither does, so the history never shows a change that was not
   * applied. Fails with ConflictError when the action changed since it was read (or has gone),
   * and with AlreadyRecordedError when an update with this id exists (the same request,
   * delivered again).
   */
  async saveWithUpdate(action: Action, update: ActionUpdate): Promise<Action> {
    const { version, ...fields } = action;
    const transaction = new TableTransaction();
    transaction.createEntity(toUpdateEntity(update));
    transaction.updateEntity(toActionEntity(fields), 'Replace', { etag: version });
    try {
      const response = await this.store.table('actions').submitTransaction(transaction.actions);
      // Sub-responses come in the order of the operations; an update's names no RowKey.
      const etag = response.subResponses[1]?.etag?.trim();
      if (etag) {
        const written = { ...action, version: etag };
        this.recent.rememberWrite(version, written, update);
        return written;
      }
      const stored = await this.get(action.planId, action.ref);
      return stored ?? { ...action, version: '' };
    } catch (error) {
      // Changed elsewhere since it was read (412), or written by this very request before (409):
      // either way what this instance holds is not the action as it stands.
      this.recent.forget(action.planId, action.ref);
      const status = statusCodeOf(error);
      if (status === 409) throw new AlreadyRecordedError(`Update ${update.id}`);
      // Deleted since it was read (an import undone elsewhere): the caller reads it again.
      if (status === 404) throw new ConflictError(`Action ${action.ref}`);
      throw translateStorageError(error, `Action ${action.ref}`);
    }
  }
}
