import { KeyedWindowLogs, WindowLog } from '../../src/notify/rate-windows';
import { TEAMS_LIMITS, type TeamsLimits } from '../../src/notify/send-limiter';
import type { FaultDecision } from './connector';

/** Options of a {@link TeamsEnforcer}. */
export interface EnforcerOptions {
  limits?: TeamsLimits;
  /** Share of accepted requests answered with an injected 429 or 503 instead (0 to 1). */
  faultRate?: number;
  /** Seed of the fault dice, so runs are repeatable. */
  seed?: number;
  /** Retry-After (seconds) on a refusal for going over the limits. */
  throttleRetryAfterSeconds?: number;
}

/** What the enforcer saw. */
export interface EnforcerStats {
  accepted: number;
  throttled: number;
  injected429: number;
  injected503: number;
}

/** A small deterministic random number generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plays the Bot Connector's part in throttling, for {@link TestConnector}'s `fault` hook: a request
 * that would put the app or its conversation over Teams' limits is refused with 429, and a share
 * of the rest fail with an injected 429 (half with Retry-After) or 503. Only accepted requests
 * count towards the limits: a refused one delivered nothing.
 */
export class TeamsEnforcer {
  readonly stats: EnforcerStats = { accepted: 0, throttled: 0, injected429: 0, injected503: 0 };
  private readonly app: WindowLog;
  private readonly conversations: KeyedWindowLogs;
  private readonly random: () => number;

  constructor(private readonly options: EnforcerOptions = {}) {
    const limits = options.limits ?? TEAMS_LIMITS;
    this.app = new WindowLog(limits.perApp);
    this.conversations = new KeyedWindowLogs(limits.perConversation);
    this.random = seededRandom(options.seed ?? 1);
  }

  /** The hook to give the connector. */
  readonly fault = (request: { method: string; conversationId: string }): FaultDecision => {
    const now = Date.now();
    // A new chat has no conversation yet: only the app's limit applies to creating it.
    const key = request.method === 'create' ? null : request.conversationId;
    const over =
      this.app.delay(now) > 0 || (key !== null && this.conversations.delay(key, now) > 0);
    if (over) {
      this.stats.throttled += 1;
      return { status: 429, retryAfterSeconds: this.options.throttleRetryAfterSeconds ?? 1 };
    }
    const dice = this.random();
    const rate = this.options.faultRate ?? 0;
    if (dice < rate / 2) {
      this.stats.injected503 += 1;
      return { status: 503 };
    }
    if (dice < rate) {
      this.stats.injected429 += 1;
      return dice < rate * 0.75 ? { status: 429, retryAfterSeconds: 1 } : { status: 429 };
    }
    this.app.record(now);
    if (key !== null) this.conversations.record(key, now);
    this.stats.accepted += 1;
    return null;
  };
}
