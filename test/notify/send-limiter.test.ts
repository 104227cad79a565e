import type { RateWindow } from '../../src/notify/rate-windows';
import {
  scaleLimits,
  SendLimiter,
  TEAMS_LIMITS,
  type Grant,
  type TeamsLimits,
} from '../../src/notify/send-limiter';
import { seededRandom } from '../support/teams-enforcer';

/** The largest number of `times` in any window of `perMs` (brute force, as a checker should be). */
function busiest(times: number[], perMs: number): number {
  let most = 0;
  for (const end of times)
    most = Math.max(most, times.filter((t) => t > end - perMs && t <= end).length);
  return most;
}

function respects(times: number[], windows: RateWindow[]): boolean {
  return windows.every((w) => busiest(times, w.perMs) <= w.limit);
}

const LIMITS: TeamsLimits = {
  perApp: [{ limit: 10, perMs: 1000 }],
  perConversation: [
    { limit: 3, perMs: 1000 },
    { limit: 4, perMs: 2000 },
  ],
};

describe('SendLimiter', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  async function grantAll(limiter: SendLimiter, keys: (string | null)[]): Promise<Grant[]> {
    const grants: Grant[] = [];
    const pending = keys.map((key) => limiter.acquire(key).then((g) => grants.push(g)));
    while (grants.length < keys.length) await jest.advanceTimersByTimeAsync(5);
    await Promise.all(pending);
    return grants;
  }

  it('never lets any window of the app or of a conversation overflow', async () => {
    const random = seededRandom(7);
    const keys = Array.from({ length: 80 }, () => `c${Math.floor(random() * 4)}`);
    const grants = await grantAll(new SendLimiter(LIMITS), keys);
    expect(
      respects(
        grants.map((g) => g.at),
        LIMITS.perApp,
      ),
    ).toBe(true);
    for (const key of new Set(keys)) {
      const times = grants.filter((g) => g.key === key).map((g) => g.at);
      expect(respects(times, LIMITS.perConversation)).toBe(true);
    }
    // Four conversations at 2 a second each are the bottleneck here: 80 take about 10 seconds.
    expect(Math.max(...grants.map((g) => g.at))).toBeLessThan(11_500);
  });

  it('keeps the app-wide rate close to its ceiling when conversations are not the limit', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `c${i}`);
    const grants = await grantAll(new SendLimiter(LIMITS), keys);
    expect(
      respects(
        grants.map((g) => g.at),
        LIMITS.perApp,
      ),
    ).toBe(true);
    // 10 a second, evenly spread: 100 in about 10 seconds, not one window's burst at a time.
    expect(Math.max(...grants.map((g) => g.at))).toBeLessThanOrEqual(9_800);
    expect(
      busiest(
        grants.map((g) => g.at),
        100,
      ),
    ).toBeLessThanOrEqual(3);
  });

  it('does not hold up other conversations behind one at its limit', async () => {
    const limiter = new SendLimiter({
      perApp: [{ limit: 100, perMs: 1000 }],
      perConversation: [{ limit: 1, perMs: 1000 }],
    });
    const order: string[] = [];
    const a1 = limiter.acquire('a').then(() => order.push('a1'));
    const a2 = limiter.acquire('a').then(() => order.push('a2'));
    const b = limiter.acquire('b').then(() => order.push('b'));
    await jest.advanceTimersByTimeAsync(50);
    expect(order).toEqual(['a1', 'b']);
    expect(limiter.waiting).toBe(1);
    await jest.advanceTimersByTimeAsync(1000);
    await Promise.all([a1, a2, b]);
    expect(order).toEqual(['a1', 'b', 'a2']);
  });

  it('lets a refused request give its place back', async () => {
    const limiter = new SendLimiter({ perApp: [{ limit: 2, perMs: 1000 }], perConversation: [] });
    const [first] = await grantAll(limiter, [null, null]);
    let third = false;
    void limiter.acquire(null).then(() => (third = true));
    await jest.advanceTimersByTimeAsync(10);
    expect(third).toBe(false);
    limiter.release(first);
    await jest.advanceTimersByTimeAsync(0);
    expect(third).toBe(true);
  });
});

describe('limits', () => {
  it("are Teams' published ones", () => {
    expect(TEAMS_LIMITS.perApp).toEqual([{ limit: 50, perMs: 1000 }]);
    expect(TEAMS_LIMITS.perConversation).toEqual([
      { limit: 7, perMs: 1000 },
      { limit: 8, perMs: 2000 },
      { limit: 60, perMs: 30_000 },
      { limit: 1800, perMs: 3_600_000 },
    ]);
  });

  it('scale every allowance by a factor, keeping the windows', () => {
    const scaled = scaleLimits(TEAMS_LIMITS, 4);
    expect(scaled.perApp).toEqual([{ limit: 200, perMs: 1000 }]);
    expect(scaled.perConversation[1]).toEqual({ limit: 32, perMs: 2000 });
  });
});
