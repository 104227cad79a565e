import { newestFirst, type Action, type ActionUpdate } from '../domain/action';

/** Most actions held at once: the ones people are working on now, a few MB at most. */
export const RECENT_ACTIONS_MAX = 1_000;

/** Updates kept per action: as many as any card shows (an opened action shows 10). */
export const RECENT_HISTORY_KEEP = 10;

/**
 * The longest an action read here may be shown again without reading it (the other actions of a
 * prompt being rebuilt): a change made elsewhere shows within this, as for people and plans.
 */
export const RECENT_SHOW_MS = 60_000;

/** Options of {@link RecentActions}. */
export interface RecentActionsOptions {
  /** Most actions held (default {@link RECENT_ACTIONS_MAX}). */
  maxEntries?: number;
  /** Milliseconds now (tests move it). */
  clock?: () => number;
}

/** The latest updates of an action at one version, newest first. */
interface KnownHistory {
  updates: ActionUpdate[];
  /** How many of the latest updates `updates` is sure to hold: Infinity when it holds them all. */
  depth: number;
}

interface Entry {
  /** Empty for an action forgotten (written some other way, or gone). */
  version: string;
  action: Action | null;
  history: KnownHistory | null;
  /** When the action was read or written here. */
  at: number;
  /** The order in which entries were recorded: see {@link RecentActions.ticket}. */
  seq: number;
}

/**
 * Actions this instance has just read or written, each with the version (ETag) it was at and,
 * when known, its latest updates at that version. An officer who opens an action and presses
 * Update then waits for one storage round trip (the write) instead of two (read, then write).
 *
 * Why serving from here is safe: every update row is written in one transaction with its action
 * (ActionsRepository.saveWithUpdate), so an action's version names its history too. The cache
 * only answers for a version the caller names. A write built on a cached action is guarded by
 * that version, and fails (412) if anyone, on any instance, changed the action since: the caller
 * then reads afresh. History is only ever kept for a version when it was read after the action
 * was at that version, so it can only be ahead of the version, never behind; a history that is
 * ahead means the version is no longer current, so any write built on it fails the same way.
 *
 * Shown again without a version ({@link shown}) only within {@link RECENT_SHOW_MS} of reading,
 * and never older than what this instance has since written: a read that began before a write
 * or a forget here is not kept after it.
 */
export class RecentActions {
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly clock: () => number;
  private seq = 0;

  constructor(options: RecentActionsOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? RECENT_ACTIONS_MAX);
    this.clock = options.clock ?? (() => Date.now());
  }

  /** The action as last seen here, if that was at `version`. */
  action(planId: string, ref: string, version: string): Action | undefined {
    const entry = this.use(planId, ref);
    return entry?.version === version ? (entry.action ?? undefined) : undefined;
  }

  /** The action as read or written here less than {@link RECENT_SHOW_MS} ago, if it was. */
  shown(planId: string, ref: string): Action | undefined {
    const entry = this.use(planId, ref);
    if (!entry?.action || this.clock() - entry.at >= RECENT_SHOW_MS) return undefined;
    return entry.action;
  }

  /** The latest `limit` updates of the action at `version`, newest first, if known here. */
  history(planId: string, ref: string, version: string, limit: number): ActionUpdate[] | undefined {
    const entry = this.use(planId, ref);
    if (entry?.version !== version || !entry.history) return undefined;
    const { updates, depth } = entry.history;
    return depth >= limit ? updates.slice(0, limit) : undefined;
  }

  /** Taken just before reading an action, and given back to {@link rememberAction}. */
  ticket(): number {
    return this.seq;
  }

  /**
   * An action read from storage since `ticket`: not kept when something was recorded for it
   * here after the read began (the read may predate that write); its history is kept only if
   * still at the same version.
   */
  rememberAction(action: Action, ticket: number): void {
    const entry = this.peek(action.planId, action.ref);
    if (entry && entry.seq > ticket) return;
    const history = entry?.version === action.version ? entry.history : null;
    this.put(action.planId, action.ref, {
      version: action.version,
      action,
      history,
      at: this.clock(),
    });
  }

  /**
   * Every update of an action, read after the action was seen at `version`. Ignored when this
   * instance has since seen another version.
   */
  rememberHistory(planId: string, ref: string, version: string, all: ActionUpdate[]): void {
    const entry = this.peek(planId, ref);
    if (entry && entry.version !== version) return;
    const updates = newestFirst(all).slice(0, RECENT_HISTORY_KEEP);
    const depth = all.length <= RECENT_HISTORY_KEEP ? Infinity : RECENT_HISTORY_KEEP;
    this.put(planId, ref, {
      version,
      action: entry?.action ?? null,
      history: { updates, depth },
      at: entry?.at ?? this.clock(),
    });
  }

  /** An action written by this instance over version `before`, with the update that records it. */
  rememberWrite(before: string, written: Action, update: ActionUpdate): void {
    const entry = this.peek(written.planId, written.ref);
    const known = entry?.version === before ? entry.history : null;
    let history: KnownHistory | null = null;
    if (known) {
      const others = known.updates.filter((u) => u.id !== update.id);
      // A history read just after this write may hold the update already: it then counts once.
      const depth = others.length < known.updates.length ? known.depth : known.depth + 1;
      const updates = newestFirst([update, ...others]);
      history =
        updates.length > RECENT_HISTORY_KEEP
          ? {
              updates: updates.slice(0, RECENT_HISTORY_KEEP),
              depth: Math.min(depth, RECENT_HISTORY_KEEP),
            }
          : { updates, depth };
    }
    this.put(written.planId, written.ref, {
      version: written.version,
      action: written,
      history,
      at: this.clock(),
    });
  }

  /**
   * Drops an action: written some other way, gone, or found changed elsewhere. What is left is a
   * mark that knows nothing, so that a read begun before this is not kept after it.
   */
  forget(planId: string, ref: string): void {
    this.put(planId, ref, { version: '', action: null, history: null, at: this.clock() });
  }

  /** Actions held now (forgotten ones included until they are pushed out). */
  get size(): number {
    return this.entries.size;
  }

  private peek(planId: string, ref: string): Entry | undefined {
    return this.entries.get(keyOf(planId, ref));
  }

  private use(planId: string, ref: string): Entry | undefined {
    const key = keyOf(planId, ref);
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private put(planId: string, ref: string, entry: Omit<Entry, 'seq'>): void {
    const key = keyOf(planId, ref);
    this.seq += 1;
    this.entries.delete(key);
    this.entries.set(key, { ...entry, seq: this.seq });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

function keyOf(planId: string, ref: string): string {
  return `${planId}\u0000${ref}`;
}
