import { randomUUID } from 'node:crypto';
import { errorFields, type Logger } from '../logging/logger';
import type { LeasesRepository } from '../storage/leases-repository';
import type { HeldLeases } from './held-leases';

/** How long a job's lease lasts unless renewed: far above clock skew between instances. */
export const LEASE_TTL_MS = 10 * 60 * 1000;

/** The result of {@link withLease}: `ran` is false when someone else holds the lease. */
export type LeaseResult<T> = { ran: true; value: T } | { ran: false; holder: string | null };

/**
 * Runs `fn` while holding the job's lease, renewing it every third of its life and giving it up
 * afterwards, so of several instances (or overlapping triggers in one) only one runs the job at a
 * time. Each run holds the lease under its own name. If the lease is lost mid-run, the ledger
 * still stops any message going twice; it is only logged.
 */
export async function withLease<T>(
  leases: LeasesRepository,
  job: string,
  owner: string,
  options: { now: () => Date; logger: Logger; ttlMs?: number; heldLeases?: HeldLeases },
  fn: () => Promise<T>,
): Promise<LeaseResult<T>> {
  const ttl = options.ttlMs ?? LEASE_TTL_MS;
  const holder = `${owner}/${randomUUID()}`;
  if (!(await leases.acquire(job, holder, ttl, options.now()))) {
    return { ran: false, holder: (await leases.get(job))?.holder ?? null };
  }
  options.heldLeases?.add(job, holder);
  const renewal = setInterval(() => {
    leases.renew(job, holder, ttl, options.now()).then(
      (kept) => {
        if (!kept) options.logger.warn({ job }, 'job lease lost to another instance');
      },
      (error: unknown) =>
        options.logger.warn({ job, err: errorFields(error) }, 'lease renewal failed'),
    );
  }, ttl / 3);
  renewal.unref();
  try {
    return { ran: true, value: await fn() };
  } finally {
    clearInterval(renewal);
    options.heldLeases?.remove(holder);
    await leases.release(job, holder).catch(() => false);
  }
}
