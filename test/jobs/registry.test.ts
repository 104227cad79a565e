import { loadConfig } from '../../src/config/config';
import { JOB_NAMES, JOBS, isJobName, parseJobTime, type JobDefinition } from '../../src/jobs';

const config = loadConfig({ LOG_LEVEL: 'silent' });

describe('the jobs registry', () => {
  it('names every registered job, and only those', () => {
    expect(JOB_NAMES).toEqual(Object.keys(JOBS));
    expect(JOB_NAMES).toEqual(expect.arrayContaining(['nudges', 'digests']));
    for (const name of JOB_NAMES) expect(isJobName(name)).toBe(true);
    for (const name of ['', 'Nudges', 'toString', '__proto__', 'constructor', 'nudges ']) {
      expect(isJobName(name)).toBe(false);
    }
  });

  it('gives each job a title and, when scheduled, an hour from the settings', () => {
    for (const name of JOB_NAMES) {
      const job = JOBS[name];
      expect(job.title).toMatch(/^[A-Z]/);
      expect(typeof job.run).toBe('function');
      const schedule = (job as JobDefinition).schedule;
      if (schedule) expect(schedule.hour(config)).toEqual(expect.any(Number));
    }
    expect(JOBS.nudges.schedule?.hour(config)).toBe(config.NUDGE_HOUR);
    expect(JOBS.digests.schedule?.hour(config)).toBe(config.DIGEST_HOUR);
  });
});

describe('the time a job runs as of', () => {
  const now = new Date('2026-11-30T09:00:00Z');

  it('is now when none is given', () => {
    expect(parseJobTime(undefined, now)).toBe(now);
  });

  it('reads ISO date-times with or without an offset', () => {
    expect(parseJobTime('2026-12-01T08:00:00Z', now)?.toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
    expect(parseJobTime('2026-12-01T08:00:00+01:00', now)?.toISOString()).toBe(
      '2026-12-01T07:00:00.000Z',
    );
  });

  it('refuses text that is not a date-time', () => {
    for (const text of ['', 'tomorrow', '2026-13-45T99:00:00Z', 'not a date']) {
      expect(parseJobTime(text, now)).toBeNull();
    }
  });
});
