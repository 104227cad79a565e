import type { Config } from '../config/config';
import type { HeldLeases } from './held-leases';
import type { DigestDay } from '../domain/digest-schedule';
import type { NudgePolicy } from '../domain/nudge-policy';
import type { Logger } from '../logging/logger';
import type { JobName } from './index';
import type { Notifier } from '../notify/notifier';
import type { Repositories } from '../services/repositories';
import type { MessageOutcome, MessageReport } from '../notify/message-report';

/** What every scheduled job needs, built in the composition root (or the CLI). */
export interface JobDeps {
  repos: Repositories;
  notifier: Notifier;
  config: Config;
  logger: Logger;
  /** The real clock: ledger rows, leases and reply windows are stamped with it. */
  now: () => Date;
  /** Who holds a job's lease: unique per process. */
  holder: string;
  /** The leases held by runs in progress, released by a stop that cannot wait for them. */
  heldLeases: HeldLeases;
  /** Most messages per run (default JOBS_MAX_PER_RUN); the rest wait for the next run. */
  maxPerRun?: number;
  /** Messages in flight at once (default: the notifier's). */
  concurrency?: number;
}

/** A run "as of" a time; a dry run only reports what it would send. */
export interface JobOptions {
  at: Date;
  dryRun: boolean;
}

/** What a job run did, or would do: the JSON answer of the jobs endpoints and the CLI. */
export interface JobReport {
  job: JobName;
  runKey: string;
  at: string;
  dryRun: boolean;
  /** False when another instance holds the job's lease. */
  ran: boolean;
  note?: string;
  totals: Record<MessageOutcome, number>;
  messages: MessageReport[];
  /** The summary of unreachable people sent to admins, if any. */
  adminReport: MessageReport[];
}

/** The nudge policy of the settings. */
export function nudgePolicyOf(config: Config): NudgePolicy {
  return {
    hour: config.NUDGE_HOUR,
    daysBefore: config.NUDGE_DAYS_BEFORE,
    staleDays: config.NUDGE_STALE_DAYS,
    timezone: config.TIMEZONE,
  };
}

/** The digest schedule of the settings. */
export function digestScheduleOf(config: Config): {
  day: DigestDay;
  hour: number;
  timezone: string;
} {
  return { day: config.DIGEST_DAY, hour: config.DIGEST_HOUR, timezone: config.TIMEZONE };
}
