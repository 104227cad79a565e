import { digestsJob } from './weekly-digests';
import { nudgesJob } from './deadline-nudges';
import type { JobDefinition } from './job-definition';
import type { JobDeps, JobOptions, JobReport } from './job-context';

/**
 * The jobs registry: the endpoints, the CLI and the scheduler all read it. A new job is one
 * entry here (and one file beside this one).
 */
export const JOBS = {
  nudges: nudgesJob,
  digests: digestsJob,
} satisfies Record<string, JobDefinition>;

/** The name of a registered job: its endpoint, CLI command, lease and ledger partition. */
export type JobName = keyof typeof JOBS;

/** Every registered job's name, in registry order. */
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Runs a job by name as of a time: what the endpoints, the CLI and the scheduler call. */
export type JobRunner = (name: JobName, options: JobOptions) => Promise<JobReport>;

/** True when `name` is a registered job. */
export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

/** The runner of the registered jobs over one set of dependencies. */
export function createJobRunner(deps: JobDeps): JobRunner {
  return (name, options) => JOBS[name].run(deps, options);
}

/**
 * The time a run is "as of": `now` when none is given, else the ISO date-time given; null when
 * the text is not a date-time (the caller says so in its own words).
 */
export function parseJobTime(text: string | undefined, now: Date): Date | null {
  if (text === undefined) return now;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

export type { JobDefinition, JobSchedule } from './job-definition';
export type { JobDeps, JobOptions, JobReport, MessageReport, MessageOutcome } from './job-context';
