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

/**
 * An unexpected error as log fields: its name, message and stack, so the line says where it
 * came from. Expected failures (refusals, storage outages told to the person) need no stack.
 */
export function errorFields(error: unknown): { name?: string; message: string; stack?: string } {
  if (error instanceof Error)
    return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
