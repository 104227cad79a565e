import { KeyedWindowLogs, WindowLog, type RateWindow } from './rate-windows';

/** The rate limits the Bot Connector enforces on proactive messages. */
export interface TeamsLimits {
  /** For the whole app in one tenant. */
  perApp: RateWindow[];
  /** For one conversation. */
  perConversation: RateWindow[];
}

/**
 * Teams' published limits: 50 requests a second per app per tenant; per conversation 7 a second,
 * 8 in 2 seconds, 60 in 30 seconds and 1,800 an hour.
 */
export const TEAMS_LIMITS: TeamsLimits = {
  perApp: [{ limit: 50, perMs: 1000 }],
  perConversation: [
    { limit: 7, perMs: 1000 },
    { limit: 8, perMs: 2000 },
    { limit: 60, perMs: 30_000 },
    { limit: 1800, perMs: 3_600_000 },
  ],
};

/** The limits with every allowance multiplied by `factor` (benchmarks against a faster stand-in). */
export function scaleLimits(limits: TeamsLimits, factor: number): TeamsLimits {
  const scale = (w: RateWindow): RateWindow => ({
    limit: Math.max(1, Math.round(w.limit * factor)),
    perMs: w.perMs,
  });
  return { perApp: limits.perApp.map(scale), perConversation: limits.perConversation.map(scale) };
}

/** Permission to make one request; give it back with {@link SendLimiter.release} if refused. */
export interface Grant {
  /** The conversation, or null for a request that is not to one (starting a chat). */
  key: string | null;
  at: number;
}

interface Waiter {
  key: string | null;
  resolve: (grant: Grant) => void;
}

/** Options of a {@link SendLimiter}. */
export interface SendLimiterOptions {
  /** Safety margin added to every window, for jitter between here and the connector. */
  marginMs?: number;
  clock?: () => number;
}

/**
 * Hands out permission to send, first come first served, so that no window of the app's or any
 * conversation's limits is ever exceeded. Requests to a conversation at its limit wait without
 * holding up requests to other conversations.
 */
export class SendLimiter {
  private readonly app: WindowLog;
  private readonly conversations: KeyedWindowLogs;
  private readonly queue: Waiter[] = [];
  private readonly clock: () => number;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;

  constructor(limits: TeamsLimits, options: SendLimiterOptions = {}) {
    this.app = new WindowLog(limits.perApp, options.marginMs ?? 0, true);
    this.conversations = new KeyedWindowLogs(limits.perConversation, options.marginMs ?? 0);
    this.clock = options.clock ?? (() => Date.now());
  }

  /** Waits until a request to conversation `key` (null: to none) may go, and records it. */
  acquire(key: string | null): Promise<Grant> {
    return new Promise((resolve) => {
      this.queue.push({ key, resolve });
      this.pump();
    });
  }

  /**
   * Gives back a grant whose request was refused (throttled or failed): it delivered nothing, so
   * it should not use up the allowance of the messages still to send.
   */
  release(grant: Grant): void {
    this.app.remove(grant.at);
    if (grant.key !== null) this.conversations.remove(grant.key, grant.at);
    this.pump();
  }

  /** Requests waiting for permission. */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const now = this.clock();
      const appWait = this.app.delay(now);
      if (appWait > 0) return this.wake(appWait);
      let soonest = Infinity;
      let index = -1;
      for (let i = 0; i < this.queue.length; i += 1) {
        const key = this.queue[i].key;
        const wait = key === null ? 0 : this.conversations.delay(key, now);
        if (wait === 0) {
          index = i;
          break;
        }
        soonest = Math.min(soonest, wait);
      }
      if (index < 0) return this.wake(soonest);
      const [waiter] = this.queue.splice(index, 1);
      this.app.record(now);
      if (waiter.key !== null) this.conversations.record(waiter.key, now);
      waiter.resolve({ key: waiter.key, at: now });
    }
  }

  private wake(afterMs: number): void {
    const at = this.clock() + afterMs;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.pump();
    }, afterMs);
  }
}
