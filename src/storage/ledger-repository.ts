import { odata } from '@azure/data-tables';
import { promptKey } from '../domain/nudge-policy';
import { ConflictError, statusCodeOf, translateStorageError } from './errors';
import { safeKey } from './keys';
import type {
  LedgerClaim,
  LedgerEntry,
  LedgerItem,
  LedgerPayload,
  LedgerState,
  SentPrompt,
} from './ledger-entry';
import type { TableStore } from './table-store';

export * from './ledger-entry';

interface LedgerEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  job: string;
  runKey: string;
  target: string;
  state: string;
  items: string;
  summary: string;
  claimedAt: string;
  sendingAt?: string;
  sentAt?: string;
  activityId?: string;
  error?: string;
  attempts: number;
}

// Table Storage holds at most 32K characters in a string property.
const MAX_ITEMS_JSON = 30_000;
const MAX_ERROR = 1_000;
const PROMPTED: LedgerState[] = ['sent', 'sending', 'uncertain'];

// A run's rows are spread over 16 partitions by target, so one run's thousands of writes do not
// all land on one partition (Table Storage serves each partition from one server).
const SHARDS = 16;

function shardOf(target: string): string {
  let hash = 0;
  for (const char of target) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return String(hash % SHARDS).padStart(2, '0');
}

function runPrefix(job: string, runKey: string): string {
  return `${safeKey(job)}|${safeKey(runKey)}|`;
}

function partitionOf(job: string, runKey: string, target: string): string {
  return `${runPrefix(job, runKey)}${shardOf(target)}`;
}

// Shards are two digits, and ':' sorts just after '9': `prefix` ≤ key < `prefix:` covers a run.
const END_OF_RUN = ':';

function itemsJson(items: LedgerItem[]): string {
  const kept = items.map((i) => ({ planId: i.planId, ref: i.ref }));
  let json = JSON.stringify(kept);
  while (json.length > MAX_ITEMS_JSON && kept.length > 0) {
    kept.pop();
    json = JSON.stringify(kept);
  }
  return json;
}

function toEntry(e: LedgerEntity): LedgerEntry {
  return {
    job: e.job,
    runKey: e.runKey,
    target: e.target,
    state: e.state as LedgerState,
    items: JSON.parse(e.items || '[]') as LedgerItem[],
    summary: e.summary ?? '',
    claimedAt: e.claimedAt,
    sendingAt: e.sendingAt || null,
    sentAt: e.sentAt || null,
    activityId: e.activityId || null,
    error: e.error || null,
    attempts: e.attempts ?? 0,
    version: e.etag ?? '',
  };
}

/**
 * The send ledger: one row per message a job run will send, written before the send, so a job
 * run twice, on two instances or after a crash, never sends the same message twice.
 *
 * PartitionKey `job|runKey|shard` (the local date for nudges, the ISO week for digests, and one
 * of 16 shards by target), RowKey the target. Each nudge row keeps the actions it prompted about.
 * The last prompt per person and action is read with one query over a PartitionKey range
 * (`nudges|2026-09-26|` to `nudges|2026-11-25|:`): partitions are stored in key order, so the query reads only those days'
 * rows, never the digests' partitions or older days, and needs no second index to keep in step.
 */
export class LedgerRepository {
  constructor(private readonly store: TableStore) {}

  /**
   * Claims the message for `target` in a run by inserting a `pending` row. When the row already
   * exists (a second run, or another instance) nothing is written and the existing row returned.
   */
  async claim(
    job: string,
    runKey: string,
    target: string,
    payload: LedgerPayload = {},
    now: Date = new Date(),
  ): Promise<LedgerClaim> {
    const entity: LedgerEntity = {
      partitionKey: partitionOf(job, runKey, target),
      rowKey: safeKey(target),
      job,
      runKey,
      target,
      state: 'pending',
      items: itemsJson(payload.items ?? []),
      summary: payload.summary ?? '',
      claimedAt: now.toISOString(),
      attempts: 0,
    };
    try {
      const response = await this.store.table('ledger').createEntity(entity);
      return { won: true, entry: toEntry({ ...entity, etag: response.etag }) };
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw translateStorageError(error, `ledger ${target}`);
    }
    const existing = await this.get(job, runKey, target);
    if (!existing) throw new ConflictError(`ledger ${target}`);
    return { won: false, entry: existing };
  }

  /** The row of one message, or null. */
  async get(job: string, runKey: string, target: string): Promise<LedgerEntry | null> {
    try {
      const row = await this.store
        .table('ledger')
        .getEntity<LedgerEntity>(partitionOf(job, runKey, target), safeKey(target));
      return toEntry(row);
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, `ledger ${target}`);
    }
  }

  /**
   * Moves a `pending` or `failed` row to `sending`, just before the HTTP call. Returns null when
   * another instance changed the row first (it is sending it) or the row is in no state to send.
   */
  async beginSend(entry: LedgerEntry, now: Date = new Date()): Promise<LedgerEntry | null> {
    if (entry.state !== 'pending' && entry.state !== 'failed') return null;
    try {
      return await this.change(entry, {
        state: 'sending',
        sendingAt: now.toISOString(),
        attempts: entry.attempts + 1,
      });
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  }

  /** Records a delivered message. */
  async markSent(
    entry: LedgerEntry,
    activityId: string | null,
    now: Date = new Date(),
  ): Promise<LedgerEntry> {
    return this.finish(entry, {
      state: 'sent',
      sentAt: now.toISOString(),
      activityId: activityId ?? '',
      error: '',
    });
  }

  /** Records a failure worth retrying. */
  async markFailed(entry: LedgerEntry, error: string): Promise<LedgerEntry> {
    return this.finish(entry, { state: 'failed', error: error.slice(0, MAX_ERROR) });
  }

  /** Records a refusal by Teams (blocked, app removed, conversation gone); never retried. */
  async markUnreachable(entry: LedgerEntry, reason: string): Promise<LedgerEntry> {
    return this.finish(entry, { state: 'unreachable', error: reason.slice(0, MAX_ERROR) });
  }

  /**
   * Marks a row found `sending` after its timeout as uncertain, so it is reported and never
   * resent. Returns null when the row changed meanwhile (the send finished after all).
   */
  async markUncertain(entry: LedgerEntry): Promise<LedgerEntry | null> {
    if (entry.state !== 'sending') return null;
    try {
      return await this.change(entry, { state: 'uncertain' });
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  }

  /** Every row of a run, in target order. */
  async listRun(job: string, runKey: string): Promise<LedgerEntry[]> {
    const from = runPrefix(job, runKey);
    const rows = await this.query(
      odata`PartitionKey ge ${from} and PartitionKey lt ${from + END_OF_RUN}`,
      `ledger ${job}`,
    );
    return rows.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  }

  /**
   * Prompts sent (or possibly sent) by `job` in the runs from `fromRunKey` to `toRunKey`
   * inclusive (local dates), one per person and action, oldest run first.
   */
  async listPrompts(job: string, fromRunKey: string, toRunKey: string): Promise<SentPrompt[]> {
    const rows = await this.query(
      odata`PartitionKey ge ${runPrefix(job, fromRunKey)} and PartitionKey lt ${runPrefix(job, toRunKey) + END_OF_RUN}`,
      `ledger ${job}`,
    );
    return rows
      .filter((row) => PROMPTED.includes(row.state))
      .flatMap((row) =>
        row.items.map((item) => ({
          email: row.target,
          planId: item.planId,
          ref: item.ref,
          sentAt: row.sentAt ?? row.sendingAt ?? row.claimedAt,
          runKey: row.runKey,
        })),
      );
  }

  /**
   * The local date of the last prompt per person and action (keyed by `promptKey`) in the runs
   * from `fromRunKey` to `toRunKey`: what `nudgesDue` needs as `lastPrompts`.
   */
  async lastPromptDates(
    job: string,
    fromRunKey: string,
    toRunKey: string,
  ): Promise<Map<string, string>> {
    const last = new Map<string, string>();
    for (const prompt of await this.listPrompts(job, fromRunKey, toRunKey)) {
      const key = promptKey(prompt.email, prompt.planId, prompt.ref);
      const seen = last.get(key);
      if (!seen || prompt.runKey > seen) last.set(key, prompt.runKey);
    }
    return last;
  }

  private async query(filter: string, what: string): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = [];
    try {
      const rows = this.store
        .table('ledger')
        .listEntities<LedgerEntity>({ queryOptions: { filter } });
      for await (const row of rows) entries.push(toEntry(row));
    } catch (error) {
      throw translateStorageError(error, what);
    }
    return entries;
  }

  /** Writes a change guarded by the entry's version; a stale version raises ConflictError. */
  private async change(entry: LedgerEntry, patch: Partial<LedgerEntity>): Promise<LedgerEntry> {
    const keys = {
      partitionKey: partitionOf(entry.job, entry.runKey, entry.target),
      rowKey: safeKey(entry.target),
    };
    try {
      const response = await this.store
        .table('ledger')
        .updateEntity({ ...keys, ...patch }, 'Merge', { etag: entry.version });
      const next = { ...entry, version: response.etag ?? '' };
      if (patch.state !== undefined) next.state = patch.state as LedgerState;
      if (patch.sendingAt !== undefined) next.sendingAt = patch.sendingAt || null;
      if (patch.sentAt !== undefined) next.sentAt = patch.sentAt || null;
      if (patch.activityId !== undefined) next.activityId = patch.activityId || null;
      if (patch.error !== undefined) next.error = patch.error || null;
      if (patch.attempts !== undefined) next.attempts = patch.attempts;
      return next;
    } catch (error) {
      throw translateStorageError(error, `ledger ${entry.target}`);
    }
  }

  /**
   * Records the outcome of a send this process made. If the row was judged uncertain meanwhile
   * (the send outlived the timeout), the outcome of the same attempt still wins: it is the truth.
   */
  private async finish(entry: LedgerEntry, patch: Partial<LedgerEntity>): Promise<LedgerEntry> {
    try {
      return await this.change(entry, patch);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await this.get(entry.job, entry.runKey, entry.target);
      const sameAttempt =
        current !== null &&
        (current.state === 'sending' || current.state === 'uncertain') &&
        current.attempts === entry.attempts &&
        current.sendingAt === entry.sendingAt;
      if (!sameAttempt) throw error;
      return this.change(current, patch);
    }
  }
}
