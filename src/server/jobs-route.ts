import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import type { Logger } from '../logging/logger';

/** Names of the jobs an external timer may trigger. */
export const JOB_NAMES = ['nudges', 'digests'] as const;

/** One of {@link JOB_NAMES}. */
export type JobName = (typeof JOB_NAMES)[number];

/** Runs a job as of a time; returns a JSON-able report (what was, or would be, sent). */
export type JobRunner = (name: JobName, options: { at: Date; dryRun: boolean }) => Promise<unknown>;

// Hashing both sides first gives equal lengths, so the comparison takes the same time whatever
// the secret's length or how much of it a caller guessed.
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** `POST /api/jobs/:name` with `Authorization: Bearer JOBS_SECRET`, `?at=ISO`, `?dryRun=true`. */
export function jobsHandler(
  secret: string | undefined,
  runJob: JobRunner,
  logger: Logger,
  now: () => Date,
) {
  return async (req: Request, res: Response): Promise<void> => {
    const header = req.header('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? '';
    if (!secret || !token || !sameSecret(token, secret)) {
      res.send(401, {
        error: secret
          ? 'A valid bearer token is required.'
          : 'JOBS_SECRET is not set on the server.',
      });
      return;
    }
    const name = String(req.params.name ?? '');
    if (!(JOB_NAMES as readonly string[]).includes(name)) {
      res.send(404, {
        error: `Unknown job "${name.slice(0, 40)}". Jobs: ${JOB_NAMES.join(', ')}.`,
      });
      return;
    }
    const query = (req.query ?? {}) as Record<string, string | undefined>;
    let at = now();
    if (query.at !== undefined) {
      at = new Date(query.at);
      if (Number.isNaN(at.getTime())) {
        res.send(400, { error: `"at" must be an ISO date-time, e.g. 2026-11-30T09:00:00Z.` });
        return;
      }
    }
    const dryRun = query.dryRun === 'true' || query.dryRun === '1';
    try {
      const report = await runJob(name as JobName, { at, dryRun });
      res.send(200, report);
    } catch (error) {
      logger.error({ job: name, err: { message: (error as Error).message } }, 'job failed');
      res.send(503, { error: `The ${name} job could not run: ${(error as Error).message}` });
    }
  };
}
