import type { Config } from '../config/config';
import type { JobDeps, JobOptions, JobReport } from './job-context';

/** When the in-process timer runs a job: its hour on weekdays, then the domain's own rule. */
export interface JobSchedule {
  /** The local hour (in TIMEZONE) the timer fires at on weekdays. */
  hour(config: Config): number;
  /** True when a run at `at` is due (bank holidays, the digest day and the like). */
  isDue(at: Date, config: Config): boolean;
}

/** One entry of the jobs registry: how to run the job, and when the timer should. */
export interface JobDefinition {
  /** How the terminal report names a run, e.g. "Nudges". */
  title: string;
  /** The job's timer; without one the job runs only from the endpoint or the CLI. */
  schedule?: JobSchedule;
  /** Runs the job as of `options.at` (a dry run sends and writes nothing). */
  run(deps: JobDeps, options: JobOptions): Promise<JobReport>;
}
