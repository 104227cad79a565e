import { loadConfig } from '../../src/config/config';
import { startScheduler, type Scheduler } from '../../src/jobs/scheduler';
import { captureLogs } from '../support/log-capture';
import type { JobName } from '../../src/jobs';
import { totalsOf } from '../../src/notify/message-report';

describe('the in-process scheduler', () => {
  const runs: [JobName, string][] = [];
  const clock = { now: new Date() };
  let failing = false;
  let scheduler: Scheduler;
  const logs = captureLogs('error');

  beforeAll(() => {
    scheduler = startScheduler({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      runJob: async (name, options) => {
        runs.push([name, options.at.toISOString()]);
        if (failing) throw new Error('storage is down');
        return {
          job: name,
          runKey: options.at.toISOString(),
          at: options.at.toISOString(),
          dryRun: options.dryRun,
          ran: true,
          totals: totalsOf([]),
          messages: [],
          adminReport: [],
        };
      },
      logger: logs.logger,
      now: () => clock.now,
    });
  });
  afterAll(async () => {
    await scheduler.stop();
  });
  beforeEach(() => {
    runs.length = 0;
    failing = false;
  });

  it('fires at the nudge and digest hours of weekdays in London time, summer or winter', () => {
    expect(scheduler.nextRuns(new Date('2026-11-28T12:00:00Z'))).toEqual({
      nudges: new Date('2026-11-30T09:00:00Z'),
      digests: new Date('2026-11-30T08:00:00Z'),
      channels: new Date('2026-11-30T08:00:00Z'),
    });
    // British Summer Time: 09:00 in London is 08:00 UTC.
    expect(scheduler.nextRuns(new Date('2026-06-05T12:00:00Z'))).toEqual({
      nudges: new Date('2026-06-08T08:00:00Z'),
      digests: new Date('2026-06-08T07:00:00Z'),
      channels: new Date('2026-06-08T07:00:00Z'),
    });
  });

  it('runs a job only when the domain says it is its time', async () => {
    clock.now = new Date('2026-11-30T08:00:00Z');
    expect(await scheduler.tick('digests')).toBe(true);
    expect(await scheduler.tick('nudges')).toBe(false);
    clock.now = new Date('2026-11-30T09:00:00Z');
    expect(await scheduler.tick('nudges')).toBe(true);
    clock.now = new Date('2026-11-28T09:00:00Z');
    expect(await scheduler.tick('nudges')).toBe(false);
    expect(runs).toEqual([
      ['digests', '2026-11-30T08:00:00.000Z'],
      ['nudges', '2026-11-30T09:00:00.000Z'],
    ]);
  });

  it('skips bank holidays, moving the digest to the next working day', async () => {
    // Monday 31 August 2026 is the summer bank holiday.
    clock.now = new Date('2026-08-31T07:00:00Z');
    expect(await scheduler.tick('digests')).toBe(false);
    clock.now = new Date('2026-08-31T08:00:00Z');
    expect(await scheduler.tick('nudges')).toBe(false);
    clock.now = new Date('2026-09-01T07:00:00Z');
    expect(await scheduler.tick('digests')).toBe(true);
    expect(runs).toEqual([['digests', '2026-09-01T07:00:00.000Z']]);
  });

  it('logs a failed run, with its stack, instead of throwing from the timer', async () => {
    failing = true;
    clock.now = new Date('2026-11-30T09:00:00Z');
    await expect(scheduler.tick('nudges')).resolves.toBe(true);
    expect(logs.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'scheduled job failed',
        job: 'nudges',
        err: expect.objectContaining({
          message: 'storage is down',
          stack: expect.stringContaining('scheduler.test'),
        }),
      }),
    );
  });
});
