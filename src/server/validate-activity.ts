import { z } from 'zod';

const idString = z.string().min(1).max(1024);

const shortText = z.string().max(1024);
const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const account = z.looseObject({ id: idString, name: shortText.optional() });

// A mention must say whom it mentions: botbuilder reads `mentioned.id` without checking.
const entity = z
  .looseObject({ type: z.string().max(64), mentioned: account.optional() })
  .refine((e) => e.type !== 'mention' || e.mentioned !== undefined, 'mention without mentioned');

/**
 * The shape of every part of an activity the bot or botbuilder reads, as Teams sends it.
 * botbuilder assumes these shapes and throws mid-turn when they are wrong (a 500 for `{}`, a
 * failed turn for a `recipient` that is not an object); checking first turns those into a 400.
 */
const activitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: shortText.optional(),
    name: shortText.optional(),
    channelId: idString,
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z.looseObject({
      id: idString,
      conversationType: shortText.optional(),
      tenantId: shortText.optional(),
    }),
    // botbuilder reads both sides of every activity (replies swap them); Teams always sends both.
    from: account.extend({ aadObjectId: shortText.optional() }),
    recipient: account,
    text: z.string().max(100_000).optional(),
    replyToId: shortText.optional(),
    locale: shortText.optional(),
    timestamp: shortText.optional(),
    localTimestamp: shortText.optional(),
    channelData: z
      .looseObject({ tenant: z.looseObject({ id: shortText.optional() }).optional() })
      .optional(),
    entities: z.array(entity).max(100).optional(),
    attachments: z
      .array(z.looseObject({ contentType: shortText }))
      .max(100)
      .optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .refine(
    // botbuilder reads `value.action.type` of a card button's invoke without checking.
    (a) =>
      a.type !== 'invoke' ||
      a.name !== 'adaptiveCard/action' ||
      isObject((a.value as { action?: unknown } | undefined)?.action),
    { message: 'needs value.action', path: ['value'] },
  );

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
