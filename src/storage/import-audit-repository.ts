import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { translateStorageError } from './errors';
import { newestFirstKey } from './keys';
import type { TableStore } from './table-store';

/** A step of importing a file in Teams. */
export type ImportStep =
  'previewed' | 'refused' | 'unreadable' | 'cancelled' | 'imported' | 'assigned' | 'first-messages';

/** One audited step: who did what, when, with which file. */
export interface ImportAuditEntry {
  id: string;
  at: string;
  step: ImportStep;
  by: string;
  byName: string;
  fileName: string;
  /** The plan concerned, or `people` for a directory file, or null before it is known. */
  subject: string | null;
  previewId: string | null;
  detail: string;
}

interface AuditEntity {
  partitionKey: string;
  rowKey: string;
  at: string;
  step: string;
  by: string;
  byName: string;
  fileName: string;
  subject?: string;
  previewId?: string;
  detail: string;
}

// Table Storage holds at most 32K characters in a string property.
const MAX_DETAIL = 8_000;

/** The month partition of an instant: one partition per calendar month (UTC). */
function monthOf(isoInstant: string): string {
  return isoInstant.slice(0, 7);
}

function toEntry(e: AuditEntity): ImportAuditEntry {
  return {
    id: e.rowKey.slice(14),
    at: e.at,
    step: e.step as ImportStep,
    by: e.by,
    byName: e.byName,
    fileName: e.fileName,
    subject: e.subject || null,
    previewId: e.previewId || null,
    detail: e.detail,
  };
}

/**
 * The append-only audit trail of imports from Teams: every file received, previewed, refused,
 * cancelled and imported, by whom and when. One partition per month, newest first.
 */
export class ImportAuditRepository {
  constructor(private readonly store: TableStore) {}

  /** Appends an entry; the id is made here. */
  async record(entry: Omit<ImportAuditEntry, 'id'>): Promise<ImportAuditEntry> {
    const id = randomUUID();
    const entity: AuditEntity = {
      partitionKey: monthOf(entry.at),
      rowKey: newestFirstKey(entry.at, id),
      at: entry.at,
      step: entry.step,
      by: entry.by,
      byName: entry.byName,
      fileName: entry.fileName,
      subject: entry.subject ?? undefined,
      previewId: entry.previewId ?? undefined,
      detail: entry.detail.slice(0, MAX_DETAIL),
    };
    try {
      await this.store.table('importaudit').createEntity(entity);
    } catch (error) {
      throw translateStorageError(error, 'import audit');
    }
    return { ...entry, id };
  }

  /** Every entry of the month of `at` (UTC), newest first. */
  async listMonth(at: Date): Promise<ImportAuditEntry[]> {
    const entries: ImportAuditEntry[] = [];
    try {
      const rows = this.store.table('importaudit').listEntities<AuditEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${monthOf(at.toISOString())}` },
      });
      for await (const row of rows) entries.push(toEntry(row));
    } catch (error) {
      throw translateStorageError(error, 'import audit');
    }
    return entries;
  }
}
