import { Cron } from 'croner';
import type { Config } from '../config/config';
import { errorFields, type Logger } from '../logging/logger';
import { JOB_NAMES, JOBS, type JobName, type JobRunner } from './index';
import type { JobSchedule } from './job-definition';

/** The in-process timer of the jobs. */
export interface Scheduler {
  /** Runs a job now if it is its time (what the timer calls); false when it is not. */
  tick(job: JobName): Promise<boolean>;
  /** When each scheduled job's timer next fires (after `from`). */
  nextRuns(from?: Date): Partial<Record<JobName, Date | null>>;
  /** Stops the timers and waits for a run they started, so its lease is released. */
  stop(): Promise<void>;
}

/** Options of {@link startScheduler}. */
export interface SchedulerOptions {
  config: Config;
  runJob: JobRunner;
  logger: Logger;
  now: () => Date;
}

const scheduleOf = (job: JobName): JobSchedule | undefined =>
  (JOBS[job] as { schedule?: JobSchedule }).schedule;

/**
 * Starts the single-machine schedule: each scheduled job's timer fires at its hour on weekdays
 * in the council's time zone, and each run checks the job's own rule first (bank holidays; the
 * digest moves to the next working day). Several instances may all fire: the job lease and the
 * ledger make one of them do the work. Timers do not keep the process alive.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { config, runJob, logger, now } = options;
  const running = new Set<Promise<unknown>>();
  const tick = async (job: JobName): Promise<boolean> => {
    const at = now();
    if (!scheduleOf(job)?.isDue(at, config)) {
      logger.debug({ job, at: at.toISOString() }, 'not the time for this job');
      return false;
    }
    const run = runJob(job, { at, dryRun: false });
    running.add(run);
    try {
      await run;
    } catch (error) {
      logger.error({ job, err: errorFields(error) }, 'scheduled job failed');
    } finally {
      running.delete(run);
    }
    return true;
  };
  const crons = new Map<JobName, Cron>();
  for (const job of JOB_NAMES) {
    const schedule = scheduleOf(job);
    if (!schedule) continue;
    const cron = new Cron(
      `0 ${schedule.hour(config)} * * 1-5`,
      { timezone: config.TIMEZONE, unref: true, protect: true },
      async () => {
        await tick(job);
      },
    );
    crons.set(job, cron);
  }
  return {
    tick,
    nextRuns: (from) =>
      Object.fromEntries([...crons].map(([job, cron]) => [job, cron.nextRun(from)])),
    stop: async () => {
      for (const cron of crons.values()) cron.stop();
      await Promise.allSettled([...running]);
    },
  };
}
