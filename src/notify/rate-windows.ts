/** At most `limit` requests in any `perMs` milliseconds. */
export interface RateWindow {
  limit: number;
  perMs: number;
}

const CATCH_UP_GAPS = 2;

/**
 * A sliding-window log: the times of recent requests, checked against several windows at once
 * (Teams limits one conversation to 7 a second, 8 in 2 seconds and 60 in 30 seconds together).
 * A log, not a token bucket, because a bucket lets a full burst through on top of its refill
 * and so breaks "at most N in any window"; the log never does.
 */
export class WindowLog {
  private readonly times: number[] = [];
  private readonly keep: number;
  private readonly span: number;
  private readonly gap: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    /** Added to each window, so arrival jitter at the far end does not break its count. */
    private readonly marginMs = 0,
    /**
     * Spread requests evenly (window ÷ limit apart) instead of letting a window's whole
     * allowance go at once. A burst reaches the far end spread out by its own processing and
     * then overlaps the next window's burst there; evenly spaced requests do not.
     */
    smooth = false,
  ) {
    this.keep = Math.max(1, ...windows.map((w) => w.limit));
    this.span = Math.max(0, ...windows.map((w) => w.perMs)) + marginMs;
    this.gap = smooth ? Math.max(0, ...windows.map((w) => (w.perMs + marginMs) / w.limit)) : 0;
  }

  // When the next evenly spaced request is due. It moves on by the gap from where it was, not
  // from when the timer fired, so a late timer costs nothing: the next requests catch up.
  private nextAt = -Infinity;

  /** Milliseconds from `now` until one more request fits every window; 0 when it fits now. */
  delay(now: number): number {
    let wait = this.nextAt - now;
    for (const w of this.windows) {
      // The request `limit` places back must have left the window before another may go.
      const index = this.times.length - w.limit;
      if (index < 0) continue;
      wait = Math.max(wait, this.times[index] + w.perMs + this.marginMs - now);
    }
    return Math.max(0, Math.ceil(wait));
  }

  /** Records a request at `now` (times must not go backwards). */
  record(now: number): void {
    // Catching up is limited to a few gaps, so a quiet spell does not turn into a burst.
    if (this.gap > 0)
      this.nextAt = Math.max(this.nextAt, now - CATCH_UP_GAPS * this.gap) + this.gap;
    this.times.push(now);
    if (this.times.length > this.keep) this.times.splice(0, this.times.length - this.keep);
  }

  /** Forgets one request recorded at `at` (one that was refused and so used no allowance). */
  remove(at: number): void {
    const index = this.times.lastIndexOf(at);
    if (index < 0) return;
    this.times.splice(index, 1);
    // Its place in the even spacing is given back too, or refusals would slow the rest down.
    this.nextAt -= this.gap;
  }

  /** True when nothing recorded is recent enough to matter at `now`. */
  idle(now: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || last + this.span <= now;
  }
}

/** One {@link WindowLog} per key (per conversation), forgetting keys that have gone quiet. */
export class KeyedWindowLogs {
  private readonly logs = new Map<string, WindowLog>();
  private recordsSincePrune = 0;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly marginMs = 0,
  ) {}

  /** Milliseconds until one more request to `key` fits; 0 when it fits now. */
  delay(key: string, now: number): number {
    return this.logs.get(key)?.delay(now) ?? 0;
  }

  /** Records a request to `key` at `now`. */
  record(key: string, now: number): void {
    let log = this.logs.get(key);
    if (!log) {
      log = new WindowLog(this.windows, this.marginMs);
      this.logs.set(key, log);
    }
    log.record(now);
    this.recordsSincePrune += 1;
    // Pruning now and then keeps the map to the conversations active in the longest window.
    if (this.recordsSincePrune >= 1000) {
      this.recordsSincePrune = 0;
      for (const [k, l] of this.logs) if (l.idle(now)) this.logs.delete(k);
    }
  }

  /** Forgets one request to `key` recorded at `at`. */
  remove(key: string, at: number): void {
    this.logs.get(key)?.remove(at);
  }

  /** Keys with a recent request (for tests and diagnostics). */
  get size(): number {
    return this.logs.size;
  }
}
