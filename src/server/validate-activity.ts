import { z } from 'zod';

const idString = z.string().min(1).max(1024);

/**
 * The least an activity must have for the bot to handle it. The Bot Framework adapter answers
 * 500 for some malformed bodies (e.g. `{}`); checking first turns those into a clear 400.
 */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  channelId: idString,
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  conversation: z.looseObject({ id: idString }),
  from: z.looseObject({ id: idString }).optional(),
  text: z.string().max(100_000).optional(),
});

/** Null when the body looks like an activity, else a short reason for the 400. */
export function activityProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'The request body must be a JSON activity object.';
  }
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `Invalid activity: ${issue.path.join('.') || 'body'} ${issue.message.toLowerCase()}`;
}
