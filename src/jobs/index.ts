import { channelsJob } from './channel-briefings';
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
  channels: channelsJob,
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

/** How far from now a run may be set, either way: further is a typo (`?at=1` is 2001). */
export const JOB_TIME_WINDOW_DAYS = 366;

// A date, a time and a zone: a bare number, a date alone or a time without a zone would be read
// in whatever zone the server happens to run in, or as a year.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** What {@link parseJobTime} accepts, in words for error messages. */
export const JOB_TIME_RULE =
  `an ISO date-time with a time zone, within ${JOB_TIME_WINDOW_DAYS} days of now, ` +
  'e.g. 2026-11-30T09:00:00Z';

/**
 * The time a run is "as of": `now` when none is given, else the ISO date-time given; null when
 * the text is not {@link JOB_TIME_RULE} (the caller says so in its own words).
 */
export function parseJobTime(text: string | undefined, now: Date): Date | null {
  if (text === undefined) return now;
  const parts = ISO_DATE_TIME.exec(text.trim());
  if (!parts) return null;
  const [, year, month, day, hour, minute, second = '0'] = parts.map((p) => p ?? '');
  const calendar = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  // Date accepts 2026-02-31 and 24:00 by rolling over; a real date-time reads back the same.
  if (
    calendar.getUTCFullYear() !== +year ||
    calendar.getUTCMonth() !== +month - 1 ||
    calendar.getUTCDate() !== +day ||
    calendar.getUTCHours() !== +hour ||
    calendar.getUTCMinutes() !== +minute
  ) {
    return null;
  }
  const at = new Date(text.trim());
  if (Number.isNaN(at.getTime())) return null;
  const window = JOB_TIME_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  return Math.abs(at.getTime() - now.getTime()) > window ? null : at;
}

export type { JobDefinition, JobSchedule } from './job-definition';
export type { JobDeps, JobOptions, JobReport } from './job-context';
export type { MessageReport, MessageOutcome } from '../notify/message-report';
