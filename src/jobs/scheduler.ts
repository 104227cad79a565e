import { Cron } from 'croner';
import type { Config } from '../config/config';
import { isDigestTime } from '../domain/digest-schedule';
import { isNudgeTime } from '../domain/nudge-policy';
import type { Logger } from '../logging/logger';
import type { JobName, JobRunner } from '../server/jobs-route';
import { digestScheduleOf, nudgePolicyOf } from './job-context';

/** The in-process timer of the jobs. */
export interface Scheduler {
  /** Runs a job now if it is its time (what the timer calls); false when it is not. */
  tick(job: JobName): Promise<boolean>;
  /** When each job's timer next fires (after `from`). */
  nextRuns(from?: Date): Record<JobName, Date | null>;
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

/**
 * Starts the single-machine schedule: the timers fire at the nudge and digest hours on weekdays
 * in the council's time zone, and each run checks the domain's rule first (bank holidays; the
 * digest moves to the next working day). Several instances may all fire: the job lease and the
 * ledger make one of them do the work. Timers do not keep the process alive.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { config, runJob, logger, now } = options;
  const due: Record<JobName, (at: Date) => boolean> = {
    nudges: (at) => isNudgeTime(at, nudgePolicyOf(config)),
    digests: (at) => isDigestTime(at, digestScheduleOf(config)),
  };
  const running = new Set<Promise<unknown>>();
  const tick = async (job: JobName): Promise<boolean> => {
    const at = now();
    if (!due[job](at)) {
      logger.debug({ job, at: at.toISOString() }, 'not the time for this job');
      return false;
    }
    const run = runJob(job, { at, dryRun: false });
    running.add(run);
    try {
      await run;
    } catch (error) {
      logger.error({ job, err: { message: (error as Error).message } }, 'scheduled job failed');
    } finally {
      running.delete(run);
    }
    return true;
  };
  const timer = (job: JobName, hour: number): Cron =>
    new Cron(
      `0 ${hour} * * 1-5`,
      { timezone: config.TIMEZONE, unref: true, protect: true },
      async () => {
        await tick(job);
      },
    );
  const crons: Record<JobName, Cron> = {
    nudges: timer('nudges', config.NUDGE_HOUR),
    digests: timer('digests', config.DIGEST_HOUR),
  };
  return {
    tick,
    nextRuns: (from) => ({
      nudges: crons.nudges.nextRun(from),
      digests: crons.digests.nextRun(from),
    }),
    stop: async () => {
      crons.nudges.stop();
      crons.digests.stop();
      await Promise.allSettled([...running]);
    },
  };
}
