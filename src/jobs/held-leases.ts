import type { LeasesRepository } from '../storage/leases-repository';

/**
 * The job leases this process holds right now, so a stop that cannot wait for a run to finish
 * can still give them up, and another instance need not wait out the lease's life.
 */
export class HeldLeases {
  private readonly held = new Map<string, string>();

  /** Notes that `holder` holds `job`'s lease. */
  add(job: string, holder: string): void {
    this.held.set(holder, job);
  }

  /** Notes that `holder` gave up `job`'s lease. */
  remove(holder: string): void {
    this.held.delete(holder);
  }

  /** How many leases are held. */
  get size(): number {
    return this.held.size;
  }

  /** Releases every lease still held; returns how many were released. */
  async releaseAll(leases: LeasesRepository): Promise<number> {
    const held = [...this.held];
    this.held.clear();
    const released = await Promise.all(
      held.map(([holder, job]) => leases.release(job, holder).catch(() => false)),
    );
    return released.filter(Boolean).length;
  }
}
