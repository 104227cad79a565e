import { odata, TableTransaction } from '@azure/data-tables';
import type { Preview, PreviewKind, PreviewState } from '../domain/preview';
import { ConflictError, statusCodeOf, translateStorageError } from './errors';
import { BATCH_LIMIT, type TableStore } from './table-store';

/** A preview as it is first stored. */
export type NewPreview<T> = Omit<
  Preview<T>,
  'state' | 'settledBy' | 'settledByName' | 'settledAt' | 'outcome' | 'version'
>;

/** A change of a preview's state. */
export interface PreviewSettlement {
  state: PreviewState;
  by: string;
  byName: string;
  at: string;
  outcome?: string;
}

interface HeadEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  kind: string;
  fileName: string;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  expiresAt: string;
  state: string;
  settledBy?: string;
  settledByName?: string;
  settledAt?: string;
  outcome?: string;
  parts: number;
}

interface PartEntity {
  partitionKey: string;
  rowKey: string;
  data: string;
}

const HEAD = 'head';
// Table Storage holds at most 32K characters in a string property; a long plan spans several rows.
const PART_CHARS = 30_000;

const partKey = (n: number): string => `part-${String(n).padStart(5, '0')}`;

function toPreview<T>(head: HeadEntity, payload: T): Preview<T> {
  return {
    id: head.partitionKey,
    kind: head.kind as PreviewKind,
    fileName: head.fileName,
    createdBy: head.createdBy,
    createdByName: head.createdByName,
    createdAt: head.createdAt,
    expiresAt: head.expiresAt,
    state: head.state as PreviewState,
    settledBy: head.settledBy || null,
    settledByName: head.settledByName || null,
    settledAt: head.settledAt || null,
    outcome: head.outcome || null,
    payload,
    version: head.etag ?? '',
  };
}

/**
 * Previews of files sent to the bot, kept in Table Storage so a preview survives a restart and
 * can be confirmed on any instance. One partition per preview: a head row with its state (moved
 * only with its ETag, so of two admins confirming at once only one wins) and the payload in
 * rows of up to 30,000 characters.
 */
export class PreviewsRepository {
  constructor(private readonly store: TableStore) {}

  /**
   * Stores a new preview. When one with the same id exists already (Teams delivered the same
   * message twice) nothing is written and the stored one is returned.
   */
  async create<T>(preview: NewPreview<T>): Promise<Preview<T>> {
    const json = JSON.stringify(preview.payload);
    const parts: PartEntity[] = [];
    for (let i = 0; i * PART_CHARS < json.length || i === 0; i++) {
      parts.push({
        partitionKey: preview.id,
        rowKey: partKey(i),
        data: json.slice(i * PART_CHARS, (i + 1) * PART_CHARS),
      });
    }
    const existing = await this.get<T>(preview.id);
    if (existing) return existing;
    const client = this.store.table('previews');
    try {
      for (let i = 0; i < parts.length; i += BATCH_LIMIT) {
        const transaction = new TableTransaction();
        for (const part of parts.slice(i, i + BATCH_LIMIT)) transaction.upsertEntity(part);
        await client.submitTransaction(transaction.actions);
      }
    } catch (error) {
      throw translateStorageError(error, `preview ${preview.id}`);
    }
    // The head goes last: a preview is only found once all its parts are stored.
    const head: HeadEntity = {
      partitionKey: preview.id,
      rowKey: HEAD,
      kind: preview.kind,
      fileName: preview.fileName,
      createdBy: preview.createdBy,
      createdByName: preview.createdByName,
      createdAt: preview.createdAt,
      expiresAt: preview.expiresAt,
      state: 'open',
      parts: parts.length,
    };
    try {
      const response = await client.createEntity(head);
      return toPreview({ ...head, etag: response.etag }, preview.payload);
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw translateStorageError(error, `preview ${preview.id}`);
    }
    const stored = await this.get<T>(preview.id);
    if (!stored) throw new ConflictError(`preview ${preview.id}`);
    return stored;
  }

  /** The preview with its payload, or null when there is none with that id. */
  async get<T>(id: string): Promise<Preview<T> | null> {
    let head: HeadEntity | null = null;
    const parts: PartEntity[] = [];
    try {
      const rows = this.store.table('previews').listEntities<HeadEntity & PartEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${id}` },
      });
      for await (const row of rows) {
        if (row.rowKey === HEAD) head = row;
        else parts.push(row);
      }
    } catch (error) {
      throw translateStorageError(error, `preview ${id}`);
    }
    if (!head || parts.length < head.parts) return null;
    parts.sort((a, b) => (a.rowKey < b.rowKey ? -1 : 1));
    const json = parts
      .slice(0, head.parts)
      .map((p) => p.data)
      .join('');
    return toPreview(head, JSON.parse(json) as T);
  }

  /**
   * Moves a preview to a new state if nobody has changed it since `preview` was read. Returns
   * the preview as stored after the change, or null when someone else changed it first.
   */
  async settle<P extends Preview<unknown>>(
    preview: P,
    settlement: PreviewSettlement,
  ): Promise<P | null> {
    const patch = {
      partitionKey: preview.id,
      rowKey: HEAD,
      state: settlement.state,
      settledBy: settlement.by,
      settledByName: settlement.byName,
      settledAt: settlement.at,
      outcome: settlement.outcome ?? '',
    };
    try {
      const response = await this.store
        .table('previews')
        .updateEntity(patch, 'Merge', { etag: preview.version });
      return {
        ...preview,
        state: settlement.state,
        settledBy: settlement.by,
        settledByName: settlement.byName,
        settledAt: settlement.at,
        outcome: settlement.outcome ?? null,
        version: response.etag ?? '',
      };
    } catch (error) {
      const status = statusCodeOf(error);
      if (status === 412 || status === 404) return null;
      throw translateStorageError(error, `preview ${preview.id}`);
    }
  }
}
