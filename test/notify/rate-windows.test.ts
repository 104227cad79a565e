import { KeyedWindowLogs, WindowLog } from '../../src/notify/rate-windows';

describe('WindowLog', () => {
  it('waits until the oldest request of each full window has left it', () => {
    const log = new WindowLog([
      { limit: 3, perMs: 1000 },
      { limit: 4, perMs: 2000 },
    ]);
    expect(log.delay(0)).toBe(0);
    for (const t of [0, 100, 200]) log.record(t);
    // Three in the last second: the one at 0 must leave the 1-second window first.
    expect(log.delay(300)).toBe(700);
    log.record(1000);
    // The 1-second window has room again, but four in 2 seconds is the limit until 2000.
    expect(log.delay(1100)).toBe(900);
    expect(log.delay(2000)).toBe(0);
  });

  it('adds the margin to every window', () => {
    const log = new WindowLog([{ limit: 1, perMs: 1000 }], 50);
    log.record(0);
    expect(log.delay(1000)).toBe(50);
    expect(log.delay(1050)).toBe(0);
  });

  it('forgets a refused request, so it uses none of the allowance', () => {
    const log = new WindowLog([{ limit: 2, perMs: 1000 }]);
    log.record(0);
    log.record(10);
    expect(log.delay(20)).toBe(980);
    log.remove(10);
    expect(log.delay(20)).toBe(0);
  });

  it('when smoothing, spaces requests a tenth of the window apart after a short catch-up', () => {
    const log = new WindowLog([{ limit: 10, perMs: 1000 }], 0, true);
    const granted: number[] = [];
    let now = 0;
    while (granted.length < 10) {
      const wait = log.delay(now);
      if (wait === 0) {
        log.record(now);
        granted.push(now);
      } else now += wait;
    }
    expect(granted).toEqual([0, 0, 0, 100, 200, 300, 400, 500, 600, 700]);
    // Ten in the last second: the window itself still applies.
    expect(log.delay(850)).toBe(150);
  });

  it('when smoothing, does not hold a late request against the schedule', () => {
    const log = new WindowLog([{ limit: 100, perMs: 1000 }], 0, true);
    for (const t of [0, 0, 0, 10, 20]) log.record(t);
    log.record(35);
    // Due at 40, not 45: the next requests catch up on the timer's lateness.
    expect(log.delay(36)).toBe(4);
  });

  it('when smoothing, gives back the place of a refused request', () => {
    const log = new WindowLog([{ limit: 10, perMs: 1000 }], 0, true);
    for (let i = 0; i < 3; i += 1) log.record(0);
    expect(log.delay(0)).toBe(100);
    log.remove(0);
    expect(log.delay(0)).toBe(0);
  });
});

describe('KeyedWindowLogs', () => {
  it('keeps a log per key and forgets keys that have gone quiet', () => {
    const logs = new KeyedWindowLogs([{ limit: 1, perMs: 1000 }]);
    logs.record('a', 0);
    expect(logs.delay('a', 500)).toBe(500);
    expect(logs.delay('b', 500)).toBe(0);
    for (let i = 0; i < 998; i += 1) logs.record(`k${i}`, 0);
    expect(logs.size).toBe(999);
    // The thousandth record later prunes every key idle for the longest window.
    logs.record('late', 5000);
    expect(logs.size).toBe(1);
    logs.remove('late', 5000);
    expect(logs.delay('late', 5000)).toBe(0);
  });
});
