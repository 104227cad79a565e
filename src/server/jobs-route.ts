import { timingSafeEqual, createHash } from 'node:crypto';
import type { Request, Response } from 'restify';
import { isJobName, JOB_NAMES, JOB_TIME_RULE, parseJobTime, type JobRunner } from '../jobs';
import { errorFields, type Logger } from '../logging/logger';

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
    if (!isJobName(name)) {
      res.send(404, {
        error: `Unknown job "${name.slice(0, 40)}". Jobs: ${JOB_NAMES.join(', ')}.`,
      });
      return;
    }
    const query = (req.query ?? {}) as Record<string, string | undefined>;
    const at = parseJobTime(query.at, now());
    if (!at) {
      res.send(400, { error: `"at" must be ${JOB_TIME_RULE}.` });
      return;
    }
    const dryRun = query.dryRun === 'true' || query.dryRun === '1';
    try {
      const report = await runJob(name, { at, dryRun });
      res.send(200, report);
    } catch (error) {
      logger.error({ job: name, err: errorFields(error) }, 'job failed');
      res.send(503, { error: `The ${name} job could not run: ${(error as Error).message}` });
    }
  };
}
