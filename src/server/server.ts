import restify, { type Response, type Server } from 'restify';
import type { CloudAdapter, ActivityHandler } from 'botbuilder';
import { errorFields, type Logger } from '../logging/logger';
import type { JobRunner } from '../jobs';
import { jobsHandler } from './jobs-route';
import { activityProblem } from './validate-activity';
import { legalPage } from './legal-pages';
import { readBody, readJsonBody, type BodyRefusal } from './read-body';

/** Largest activity accepted; Teams' own message limit is about 100 KB. */
const MAX_ACTIVITY_BYTES = 512 * 1024;
/** The jobs endpoints take their options in the query; a body is read only to be bounded. */
const MAX_JOBS_BODY_BYTES = 16 * 1024;

// A refused body may be partly unread: closing the connection stops the client sending more.
function sendRefusal(res: Response, refusal: BodyRefusal): void {
  res.setHeader('Connection', 'close');
  if (refusal.status === 415) res.setHeader('Accept-Encoding', 'identity');
  res.send(refusal.status, { error: refusal.error });
}

/** How healthy the service is, for `/healthz` and App Service's health check. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  storage: 'ok' | 'unreachable';
  uptimeSeconds: number;
}

/** What the HTTP server needs. */
export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  health: () => Promise<HealthReport>;
  jobsSecret: string | undefined;
  runJob: JobRunner;
  now: () => Date;
  /** Milliseconds a client has to send a whole request body. */
  bodyTimeoutMs: number;
}

/** A server that can stop taking requests and wait for those in flight. */
export interface BotServer {
  server: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** The bot's HTTP endpoints: `/api/messages`, `/api/jobs/:name`, `/healthz`. */
export function createServer(deps: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'action-plan-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // No body parser plugin: restify's inflates gzip before authentication and its inflate
  // stream has no error handler, so one bad body ends the process. Routes read their own.
  let inFlight = 0;
  let idle: (() => void) | null = null;
  server.pre((_req, res, next) => {
    inFlight += 1;
    res.once('finish', () => {
      inFlight -= 1;
      if (inFlight === 0 && idle) idle();
    });
    return next();
  });

  server.post('/api/messages', async (req, res) => {
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
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (error) {
      deps.logger.error({ err: errorFields(error) }, 'activity failed');
      if (!res.headersSent) res.send(500, { error: 'The activity could not be processed.' });
    }
  });
  const runJobRoute = jobsHandler(deps.jobsSecret, deps.runJob, deps.logger, deps.now);
  server.post('/api/jobs/:name', async (req, res) => {
    const read = await readBody(req, {
      maxBytes: MAX_JOBS_BODY_BYTES,
      timeoutMs: deps.bodyTimeoutMs,
    });
    if (!read.ok) {
      sendRefusal(res, read.refusal);
      return;
    }
    await runJobRoute(req, res);
  });
  server.get('/healthz', async (_req, res) => {
    const report = await deps.health();
    res.send(report.status === 'ok' ? 200 : 503, report);
  });
  server.get('/privacy', legalPage('privacy'));
  server.get('/terms', legalPage('terms'));

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address().port));
      }),
    // Stops taking new requests and resolves when those in flight have been answered, so a
    // SIGTERM never cuts off a person's update half-way.
    close: () =>
      new Promise((resolve) => {
        const closed = new Promise<void>((done) => server.close(() => done()));
        const drained = new Promise<void>((done) => {
          if (inFlight === 0) done();
          else idle = done;
        });
        server.server.closeIdleConnections();
        void drained
          .then(() => {
            server.server.closeAllConnections();
            return closed;
          })
          .then(() => resolve());
      }),
  };
}
