import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * The JSON logger. Secrets and what people type never reach the logs: the app logs ids and
 * outcomes only, and these paths are redacted in case an object slips through.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'action-plan-bot' },
      redact: {
        paths: [
          '*.MicrosoftAppPassword',
          '*.JOBS_SECRET',
          '*.TABLES_CONNECTION_STRING',
          '*.authorization',
          '*.note',
          '*.text',
          '*.reason',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
