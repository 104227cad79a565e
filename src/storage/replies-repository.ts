import { emailKey } from '../domain/person';
import { statusCodeOf, translateStorageError } from './errors';
import { safeKey } from './keys';
import type { TableStore } from './table-store';

// One partition per person: a point read or write never contends with anyone else's prompts,
// and a run that prompts thousands of people spreads its writes.
const ROW = 'awaiting';
const partitionOf = (email: string): string => safeKey(emailKey(email));

/** How long a prompt waits for a text reply by default: a week, until the next prompts. */
export const REPLY_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface ReplyEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  email: string;
  items: string;
  sentAt: string;
  expiresAt: string;
}

/** The actions a person's last prompt asked about, so a plain text reply can be filed. */
export interface AwaitingReply {
  email: string;
  items: { planId: string; ref: string }[];
  /** ISO instant the prompt was sent. */
  sentAt: string;
  /** ISO instant after which a reply is no longer taken as an answer to it. */
  expiresAt: string;
  version: string;
}

function toAwaiting(e: ReplyEntity): AwaitingReply {
  return {
    email: e.email,
    items: JSON.parse(e.items) as AwaitingReply['items'],
    sentAt: e.sentAt,
    expiresAt: e.expiresAt,
    version: e.etag ?? '',
  };
}

/**
 * What each person's last prompt is waiting for: one row per person, replaced by each new prompt
 * (the latest prompt is the one a reply answers).
 */
export class RepliesRepository {
  constructor(private readonly store: TableStore) {}

  /** Remembers the actions a prompt sent at `now` asked about, for `ttlMs`. */
  async set(
    email: string,
    items: { planId: string; ref: string }[],
    now: Date,
    ttlMs: number = REPLY_TTL_MS,
  ): Promise<AwaitingReply> {
    const entity: ReplyEntity = {
      partitionKey: partitionOf(email),
      rowKey: ROW,
      email: emailKey(email),
      items: JSON.stringify(items.map((i) => ({ planId: i.planId, ref: i.ref }))),
      sentAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    };
    try {
      const response = await this.store.table('replies').upsertEntity(entity, 'Replace');
      return toAwaiting({ ...entity, etag: response.etag });
    } catch (error) {
      throw translateStorageError(error, `reply state of ${email}`);
    }
  }

  /** What the person's last prompt is waiting for, or null when nothing is or it has expired. */
  async get(email: string, now: Date): Promise<AwaitingReply | null> {
    try {
      const row = await this.store.table('replies').getEntity<ReplyEntity>(partitionOf(email), ROW);
      const awaiting = toAwaiting(row);
      return Date.parse(awaiting.expiresAt) > now.getTime() ? awaiting : null;
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, `reply state of ${email}`);
    }
  }

  /**
   * Forgets what the person's prompt was waiting for. With the `version` read by `get`, a newer
   * prompt recorded meanwhile is kept (false is returned); without it the row is always removed.
   */
  async clear(email: string, version?: string): Promise<boolean> {
    try {
      await this.store
        .table('replies')
        .deleteEntity(partitionOf(email), ROW, version ? { etag: version } : undefined);
      return true;
    } catch (error) {
      const status = statusCodeOf(error);
      if (status === 404 || status === 412) return false;
      throw translateStorageError(error, `reply state of ${email}`);
    }
  }
}
