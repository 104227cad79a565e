import restify, { type Server } from 'restify';
import type { CloudAdapter, ActivityHandler } from 'botbuilder';
import type { Logger } from '../logging/logger';
import type { JobRunner } from '../jobs';
import { jobsHandler } from './jobs-route';
import { legalPage } from './legal-pages';
import { messagesHandler } from './messages-route';
import { readBody } from './read-body';
import { sendRefusal } from './refusal';

/** The jobs endpoints take their options in the query; a body is read only to be bounded. */
const MAX_JOBS_BODY_BYTES = 16 * 1024;

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
  /** Most Teams activities handled at once. */
  maxTurnsInFlight: number;
  /** Milliseconds a close waits for requests in flight before cutting their connections. */
  shutdownDeadlineMs: number;
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
  let closing = false;
  let idle: (() => void) | null = null;
  server.pre((_req, res, next) => {
    if (closing) {
      // A request on a connection kept alive from before the stop: another instance takes it.
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '1');
      res.send(503, { error: 'The bot is restarting. Please try again in a moment.' });
      return next(false);
    }
    inFlight += 1;
    // 'close' rather than 'finish': a client that hangs up mid-request never finishes, and
    // must not hold the drain open.
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0 && idle) idle();
    });
    return next();
  });

  server.post('/api/messages', messagesHandler(deps));
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
    // Stops taking new requests and waits for those in flight, so a SIGTERM does not cut off a
    // person's update half-way; but only until the deadline, since a client that holds its
    // request open must not keep the process from stopping (the platform kills it anyway).
    close: async () => {
      closing = true;
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.server.closeIdleConnections();
      const drained = new Promise<'drained'>((done) => {
        if (inFlight === 0) done('drained');
        else idle = () => done('drained');
      });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((done) => {
        timer = setTimeout(() => done('deadline'), deps.shutdownDeadlineMs);
      });
      const outcome = await Promise.race([drained, deadline]);
      clearTimeout(timer);
      if (outcome === 'deadline') {
        deps.logger.warn(
          { inFlight, deadlineMs: deps.shutdownDeadlineMs },
          'stop deadline passed: closing the connections still open',
        );
      }
      server.server.closeAllConnections();
      await closed;
    },
  };
}
