import { odata } from '@azure/data-tables';
import { statusCodeOf, translateStorageError } from './errors';
import { safeKey } from './keys';
import type { TableStore } from './table-store';

// Markers live beside the plans, in a partition of their own that plan lists never read.
const PARTITION = 'import-in-progress';
// Table Storage holds at most 32K characters in one string property.
const CHUNK = 30_000;

/** An import under way (or one that was interrupted): what the next run needs to undo it. */
export interface ImportMarker {
  planId: string;
  sourceFile: string;
  startedAt: string;
  /** Whether the plan was stored before this import began. */
  planExisted: boolean;
  /** References of the actions this import adds (they did not exist before it). */
  createdRefs: string[];
}

interface MarkerEntity {
  partitionKey: string;
  rowKey: string;
  planId: string;
  sourceFile: string;
  startedAt: string;
  planExisted: boolean;
  chunks: number;
  [refs: `refs${number}`]: string;
}

function toEntity(marker: ImportMarker): MarkerEntity {
  const json = JSON.stringify(marker.createdRefs);
  const entity: MarkerEntity = {
    partitionKey: PARTITION,
    rowKey: safeKey(marker.planId),
    planId: marker.planId,
    sourceFile: marker.sourceFile,
    startedAt: marker.startedAt,
    planExisted: marker.planExisted,
    chunks: Math.ceil(json.length / CHUNK),
  };
  for (let i = 0; i * CHUNK < json.length; i += 1) {
    entity[`refs${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  }
  return entity;
}

function toMarker(entity: MarkerEntity): ImportMarker {
  let json = '';
  for (let i = 0; i < entity.chunks; i += 1) json += entity[`refs${i}`] ?? '';
  return {
    planId: entity.planId,
    sourceFile: entity.sourceFile,
    startedAt: entity.startedAt,
    planExisted: entity.planExisted,
    createdRefs: json ? (JSON.parse(json) as string[]) : [],
  };
}

/**
 * Markers of imports under way, written before an import's first action and removed after its
 * plan row, so an import killed half-way leaves a record the next run can undo.
 */
export class ImportMarkersRepository {
  constructor(private readonly store: TableStore) {}

  /** The marker of an unfinished import of the plan, or null. */
  async get(planId: string): Promise<ImportMarker | null> {
    try {
      return toMarker(
        await this.store.table('plans').getEntity<MarkerEntity>(PARTITION, safeKey(planId)),
      );
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, `import marker of ${planId}`);
    }
  }

  /** Every unfinished import. */
  async list(): Promise<ImportMarker[]> {
    const markers: ImportMarker[] = [];
    try {
      const rows = this.store.table('plans').listEntities<MarkerEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
      });
      for await (const row of rows) markers.push(toMarker(row));
    } catch (error) {
      throw translateStorageError(error, 'import markers');
    }
    return markers;
  }

  /** Records that an import has begun. */
  async begin(marker: ImportMarker): Promise<void> {
    try {
      await this.store.table('plans').upsertEntity(toEntity(marker), 'Replace');
    } catch (error) {
      throw translateStorageError(error, `import marker of ${marker.planId}`);
    }
  }

  /** Records that the plan's import finished (or was undone). */
  async clear(planId: string): Promise<void> {
    try {
      await this.store.table('plans').deleteEntity(PARTITION, safeKey(planId));
    } catch (error) {
      if (statusCodeOf(error) !== 404)
        throw translateStorageError(error, `import marker of ${planId}`);
    }
  }
}
