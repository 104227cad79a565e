import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import { errorFields, type Logger } from '../logging/logger';
import { readJsonBody } from './read-body';
import { sendRefusal } from './refusal';
import { activityProblem } from './validate-activity';

/** Largest activity accepted; Teams' own message limit is about 100 KB. */
export const MAX_ACTIVITY_BYTES = 512 * 1024;

/** What `POST /api/messages` needs. */
export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Milliseconds a client has to send a whole request body. */
  bodyTimeoutMs: number;
  /** Most activities handled at once; more are answered 503 at once. */
  maxTurnsInFlight: number;
}

// What callers are told when the adapter fails: its own messages name internal checks
// ("Unauthorized. The token could not be verified: …", stack-like text), which are logged.
const PLAIN_ERRORS: Record<number, string> = {
  401: 'The request is not authenticated.',
  403: 'The request is not allowed.',
};
const plainError = (status: number): string =>
  PLAIN_ERRORS[status] ??
  (status >= 500 ? 'The activity could not be processed.' : 'The activity was refused.');

/**
 * The response the adapter writes to, passing its successes through and replacing the body of
 * any error with a plain one. The adapter's `status`, `send`, `end` and `header` are all it uses.
 */
function withPlainErrors(res: Response, logger: Logger): Response {
  let status = 200;
  const guarded = {
    status(code: number) {
      status = code;
      res.status(code);
      return guarded;
    },
    header: (name: string, value?: unknown) => res.header(name, value),
    send(body?: unknown) {
      if (status < 400) return res.send(body);
      logger.warn({ status, reason: String(body).slice(0, 300) }, 'activity refused');
      return res.send({ error: plainError(status) });
    },
    end: () => (res.writableEnded ? res : res.end()),
  };
  return guarded as unknown as Response;
}

/**
 * `POST /api/messages`: sheds load over the limit, reads the body within its bounds, checks the
 * activity's shape, then hands it to the adapter (which authenticates it and runs the turn).
 */
export function messagesHandler(deps: MessagesRouteDeps) {
  let turns = 0;
  return async (req: Request, res: Response): Promise<void> => {
    if (turns >= deps.maxTurnsInFlight) {
      // A quick refusal keeps the turns already running fast; the Bot Framework service retries.
      res.setHeader('Retry-After', '1');
      res.setHeader('Connection', 'close');
      res.send(503, { error: 'The bot is busy. Please try again in a moment.' });
      return;
    }
    turns += 1;
    try {
      const read = await readJsonBody(req, {
        maxBytes: MAX_ACTIVITY_BYTES,
        mediaTypes: ['application/json'],
        timeoutMs: deps.bodyTimeoutMs,
      });
      if (!read.ok) {
        sendRefusal(res, read.refusal);
        return;
      }
      req.body = read.value;
      const problem = activityProblem(req.body);
      if (problem) {
        res.send(400, { error: problem });
        return;
      }
      await deps.adapter.process(req, withPlainErrors(res, deps.logger), (context) =>
        deps.bot.run(context),
      );
    } catch (error) {
      deps.logger.error({ err: errorFields(error) }, 'activity failed');
      if (!res.headersSent) res.send(500, { error: plainError(500) });
    } finally {
      turns -= 1;
    }
  };
}
