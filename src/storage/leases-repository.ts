import { statusCodeOf, translateStorageError } from './errors';
import { safeKey } from './keys';
import type { TableStore } from './table-store';

const LEASE = 'lease';

interface LeaseEntity {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  job: string;
  holder: string;
  acquiredAt: string;
  expiresAt: string;
}

/** Who runs a job now, and until when. */
export interface Lease {
  job: string;
  holder: string;
  acquiredAt: string;
  expiresAt: string;
  version: string;
}

function toLease(e: LeaseEntity): Lease {
  return {
    job: e.job,
    holder: e.holder,
    acquiredAt: e.acquiredAt,
    expiresAt: e.expiresAt,
    version: e.etag ?? '',
  };
}

const lost = (error: unknown): boolean => {
  const status = statusCodeOf(error);
  return status === 409 || status === 412 || status === 404;
};

/**
 * Leases on jobs, so that of several instances only one runs a job at a time. A lease is a row
 * per job; taking it is a create (409 when someone has it) or, once it has expired, an update
 * guarded by the ETag read with it (412 when another instance took it first). Instances compare
 * `expiresAt` with their own clocks, so a TTL well above clock skew (minutes, not seconds) is
 * needed; the send ledger still stops duplicates if two runs ever overlap.
 */
export class LeasesRepository {
  constructor(private readonly store: TableStore) {}

  /** The current lease of a job, expired or not, or null. */
  async get(job: string): Promise<Lease | null> {
    try {
      const row = await this.store.table('leases').getEntity<LeaseEntity>(LEASE, safeKey(job));
      return toLease(row);
    } catch (error) {
      if (statusCodeOf(error) === 404) return null;
      throw translateStorageError(error, `lease ${job}`);
    }
  }

  /**
   * Takes the job's lease for `ttlMs` from `now`. True when `holder` now holds it (it was free,
   * had expired, or was already theirs); false when another holder has a live lease or won a race.
   */
  async acquire(job: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const entity: LeaseEntity = {
      partitionKey: LEASE,
      rowKey: safeKey(job),
      job,
      holder,
      acquiredAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    };
    try {
      await this.store.table('leases').createEntity(entity);
      return true;
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw translateStorageError(error, `lease ${job}`);
    }
    const current = await this.get(job);
    // Released between our create and our read: the next attempt may create it again.
    if (!current) return false;
    const expired = Date.parse(current.expiresAt) <= now.getTime();
    if (!expired && current.holder !== holder) return false;
    return this.replace(entity, current.version);
  }

  /** Extends a lease `holder` still holds; false when it has been taken by someone else. */
  async renew(job: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const current = await this.get(job);
    if (!current || current.holder !== holder) return false;
    return this.replace(
      {
        partitionKey: LEASE,
        rowKey: safeKey(job),
        job,
        holder,
        acquiredAt: current.acquiredAt,
        expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      },
      current.version,
    );
  }

  /** Gives the lease up if `holder` holds it; true when it was released. */
  async release(job: string, holder: string): Promise<boolean> {
    const current = await this.get(job);
    if (!current || current.holder !== holder) return false;
    try {
      await this.store.table('leases').deleteEntity(LEASE, safeKey(job), { etag: current.version });
      return true;
    } catch (error) {
      if (lost(error)) return false;
      throw translateStorageError(error, `lease ${job}`);
    }
  }

  private async replace(entity: LeaseEntity, etag: string): Promise<boolean> {
    try {
      await this.store.table('leases').updateEntity(entity, 'Replace', { etag });
      return true;
    } catch (error) {
      if (lost(error)) return false;
      throw translateStorageError(error, `lease ${entity.job}`);
    }
  }
}
