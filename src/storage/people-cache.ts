import { emailKey, type Person } from '../domain/person';

/** The longest a cached person may be served: a change made elsewhere shows within this. */
export const PEOPLE_CACHE_MS = 60_000;

/** Most people held at once; a directory larger than this starts the cache again when full. */
export const PEOPLE_CACHE_MAX_ENTRIES = 50_000;

/** Options of a {@link PeopleCache}. */
export interface PeopleCacheOptions {
  /** How long a person is served from the cache (at most {@link PEOPLE_CACHE_MS}). */
  cacheMs?: number;
  /** Milliseconds now (tests move it). */
  clock?: () => number;
  /** Most people held at once (default {@link PEOPLE_CACHE_MAX_ENTRIES}). */
  maxEntries?: number;
}

/** When a read for the cache started, and what had been forgotten by then. */
export interface CacheTicket {
  at: number;
  generation: number;
}

/**
 * People as last read, by Teams (AAD) object id, for finding who is talking: without it a
 * person's every turn waits on a read before anything else can start. An entry is served for at
 * most {@link PEOPLE_CACHE_MS}, so a change made elsewhere (another instance, the CLI) shows
 * within that; the instance that changes someone drops them at once ({@link forget}). Bounded in
 * time and in size, so it never grows with the traffic.
 */
export class PeopleCache {
  private readonly entries = new Map<string, { person: Person; at: number }>();
  private readonly cacheMs: number;
  private readonly clock: () => number;
  private readonly maxEntries: number;
  // Moved on by every forget: a read that started before a change is not kept after it.
  private generation = 0;

  constructor(options: PeopleCacheOptions = {}) {
    this.cacheMs = Math.min(options.cacheMs ?? PEOPLE_CACHE_MS, PEOPLE_CACHE_MS);
    this.clock = options.clock ?? (() => Date.now());
    this.maxEntries = Math.max(1, options.maxEntries ?? PEOPLE_CACHE_MAX_ENTRIES);
  }

  /** The person cached for this AAD object id, if read less than the cache time ago. */
  get(aadObjectId: string): Person | undefined {
    const aad = aadObjectId.toLowerCase();
    const hit = this.entries.get(aad);
    if (!hit) return undefined;
    if (this.clock() - hit.at < this.cacheMs) return hit.person;
    this.entries.delete(aad);
    return undefined;
  }

  /** Taken just before reading a person for the cache, and given back to {@link set}. */
  ticket(): CacheTicket {
    return { at: this.clock(), generation: this.generation };
  }

  /**
   * Keeps the person read for this AAD object id since `ticket` (or drops the entry when there is
   * none). Served until the cache time has passed since the read began; not kept at all when
   * something was forgotten while it ran, since the read may predate that change.
   */
  set(aadObjectId: string, person: Person | null, ticket: CacheTicket): void {
    const aad = aadObjectId.toLowerCase();
    if (!person || ticket.generation !== this.generation) {
      this.entries.delete(aad);
      return;
    }
    if (!this.entries.has(aad) && this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(aad, { person, at: ticket.at });
  }

  /** Forgets everyone, or one person (by email) under whichever AAD ids they were cached. */
  forget(email?: string): void {
    this.generation += 1;
    if (email === undefined) {
      this.entries.clear();
      return;
    }
    const key = emailKey(email);
    for (const [aad, entry] of this.entries) {
      if (entry.person.email === key) this.entries.delete(aad);
    }
  }

  /** People held now (fresh or not yet found stale). */
  get size(): number {
    return this.entries.size;
  }
}
