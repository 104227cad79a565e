import { z } from 'zod';

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());
const flag = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  );
const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

const validZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Every setting the bot reads, with its default and a one-line description. `.env.example`
 * documents the same list; tests check the two agree.
 */
export const settingsSchema = z.object({
  MicrosoftAppId: optionalText.describe(
    'Bot (Entra app registration) id. Blank runs local mode: no Bot Framework auth, loopback only.',
  ),
  MicrosoftAppPassword: optionalText.describe('Client secret of the app registration.'),
  MicrosoftAppTenantId: optionalText.describe(
    'Tenant id of the council. Required for SingleTenant; activities from other tenants are refused.',
  ),
  MicrosoftAppType: z
    .preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']))
    .default('SingleTenant')
    .describe('Kind of app registration: SingleTenant (default), MultiTenant or UserAssignedMSI.'),
  TABLES_CONNECTION_STRING: optionalText.describe(
    'Azure Storage connection string. Blank starts the embedded Azurite table store under .data/.',
  ),
  TABLE_PREFIX: z
    .preprocess(blankToUndefined, z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/))
    .default('apb')
    .describe('Prefix of the table names, so several bots can share one storage account.'),
  DATA_DIR: optionalText.describe(
    'Folder for the embedded table store. Default: .data in the project.',
  ),
  PORT: integer(3978, 1, 65535).describe('Port the bot listens on.'),
  HOST: optionalText.describe(
    'Address to listen on. Default 127.0.0.1 in local mode, 0.0.0.0 when MicrosoftAppId is set.',
  ),
  BODY_TIMEOUT_SECONDS: integer(20, 1, 300).describe(
    'Seconds a client has to send a whole request body; a slower one is answered 408.',
  ),
  SHUTDOWN_DEADLINE_SECONDS: integer(10, 0, 300).describe(
    'Seconds a stop waits for requests in flight before closing their connections.',
  ),
  MAX_TURNS_IN_FLIGHT: integer(64, 1, 10_000).describe(
    'Most Teams activities handled at once; more are answered 503 with Retry-After.',
  ),
  JOBS_SECRET: optionalText.describe(
    'Bearer secret for POST /api/jobs/*. Required when MicrosoftAppId is set.',
  ),
  TIMEZONE: z
    .preprocess(blankToUndefined, z.string().refine(validZone, 'must be an IANA time zone'))
    .default('Europe/London')
    .describe('Time zone for due dates and the schedule.'),
  SCHEDULER: flag(true).describe('Run nudges and digests in-process on their schedule.'),
  NUDGE_HOUR: integer(9, 0, 23).describe('Hour of the working day when deadline prompts are sent.'),
  NUDGE_DAYS_BEFORE: integer(14, 0, 365).describe('Days before the due date for the first prompt.'),
  NUDGE_STALE_DAYS: integer(30, 1, 365).describe(
    'Days without an update before an open action is prompted.',
  ),
  DIGEST_DAY: z
    .preprocess(
      blankToUndefined,
      z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']).default('monday'),
    )
    .describe('Working day of the weekly digest.'),
  DIGEST_HOUR: integer(8, 0, 23).describe('Hour the weekly digest is sent.'),
  CHANNEL_HOUR: integer(8, 0, 23).describe(
    'Hour plan summaries are posted to the team channels that asked for them.',
  ),
  CHANNEL_DAYS_BEFORE_MEETING: integer(5, 1, 30).describe(
    'Days before a meeting that a channel asking for "before each meeting" gets its summary.',
  ),
  ESCALATE_DAYS: integer(28, 1, 365).describe(
    'Days overdue after which a digest flags an action for escalation.',
  ),
  JOBS_MAX_PER_RUN: integer(5000, 1, 100_000).describe(
    'Most messages one run of a job sends; the rest go on the next run.',
  ),
  TEAMS_SERVICE_URL: z
    .preprocess(
      blankToUndefined,
      z.string().url().default('https://smba.trafficmanager.net/teams/'),
    )
    .describe(
      'Bot Connector URL for starting a chat with someone the bot has no conversation with yet ' +
        '(a stored conversation of the same tenant is used first).',
    ),
  ADMIN_CONTACT: z
    .preprocess(blankToUndefined, z.string().default('your democratic services team'))
    .describe('Who people not in the directory are told to ask (a name or email).'),
  FILE_MAX_MB: integer(20, 1, 100).describe(
    'Largest file (in MB) an admin may send the bot to import.',
  ),
  FILE_DOWNLOAD_SECONDS: integer(8, 1, 60).describe(
    'Longest a file sent to the bot may take to download, in seconds (Teams waits 15 s per turn).',
  ),
  FILE_MAX_REDIRECTS: integer(3, 0, 10).describe(
    'Most redirects followed when downloading a file sent to the bot.',
  ),
  PREVIEW_HOURS: integer(24, 1, 720).describe(
    'Hours an import preview can be confirmed before the file must be sent again.',
  ),
  PLAYGROUND: flag(false).describe(
    'Start the Agents Playground even with TABLES_CONNECTION_STRING set.',
  ),
  PLAYGROUND_PORT: integer(56150, 1, 65535).describe('Port of the Agents Playground.'),
  DEMO: flag(false).describe(
    'Load the demo plan and directory even with TABLES_CONNECTION_STRING set.',
  ),
  LOG_LEVEL: z
    .preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    )
    .default('info')
    .describe('Log level of the JSON logs.'),
});

/** Settings after validation and defaults. */
export type Settings = z.infer<typeof settingsSchema>;

/** Raised when the environment has a missing or invalid setting; the message says what to set. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validated configuration, with the derived values the app needs. */
export interface Config extends Settings {
  /** True without MicrosoftAppId: no Bot Framework auth, loopback only. */
  localMode: boolean;
  /** True when the embedded Azurite should be started. */
  embeddedStorage: boolean;
  host: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1)$/;

/** True for loopback addresses, the only ones local mode may listen on. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * Reads and checks the settings once, at start. Missing or invalid values fail with a message
 * naming each setting and what it needs.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'setting');
        const description = settingsSchema.shape[key as keyof Settings]?.description ?? '';
        return `${key}: ${issue.message}${description ? ` (${description})` : ''}`;
      }),
    );
  }
  const settings = parsed.data;
  const localMode = !settings.MicrosoftAppId;
  const host = settings.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0');
  const problems: string[] = [];
  if (localMode && !isLoopback(host)) {
    problems.push(
      `HOST: ${host} is not a loopback address. Without MicrosoftAppId the bot has no authentication, ` +
        'so it only listens on 127.0.0.1. Set MicrosoftAppId (and MicrosoftAppPassword) or use HOST=127.0.0.1.',
    );
  }
  if (!localMode) {
    if (!settings.JOBS_SECRET) {
      problems.push('JOBS_SECRET: required when MicrosoftAppId is set (protects /api/jobs/*).');
    } else if (settings.JOBS_SECRET.length < 16) {
      problems.push('JOBS_SECRET: must be at least 16 characters.');
    }
    if (settings.MicrosoftAppType !== 'UserAssignedMSI' && !settings.MicrosoftAppPassword) {
      problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set.');
    }
    if (settings.MicrosoftAppType !== 'MultiTenant' && !settings.MicrosoftAppTenantId) {
      problems.push(
        `MicrosoftAppTenantId: required for MicrosoftAppType=${settings.MicrosoftAppType}.`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...settings,
    localMode,
    embeddedStorage: !settings.TABLES_CONNECTION_STRING,
    host,
  };
}
