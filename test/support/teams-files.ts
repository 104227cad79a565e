import type { BotHarness, PostResult, TeamsUser } from './bot-harness';
import type { ServedFileOptions } from './connector';

/** Every string in a card, depth first: what a person could read on it. */
export function allText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(allText).join(' ');
  if (card && typeof card === 'object') return Object.values(card).map(allText).join(' ');
  return '';
}

/** The data of the card's first Action.Execute with `verb`. */
export function executeOf(card: unknown, verb: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) {
    for (const c of card) {
      const hit = executeOf(c, verb);
      if (hit) return hit;
    }
  } else if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) return o.data as Record<string, unknown>;
    for (const v of Object.values(o)) {
      const hit = executeOf(v, verb);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The card an invoke answered with (the one that replaces the clicked card), or null. */
export function invokeCard(result: PostResult): Record<string, unknown> | null {
  const body = result.body as { type?: string; value?: unknown } | null;
  return body?.type === 'application/vnd.microsoft.card.adaptive'
    ? (body.value as Record<string, unknown>)
    : null;
}

/** The text an invoke answered with instead of a card, or ''. */
export function invokeMessage(result: PostResult): string {
  const body = result.body as { type?: string; value?: unknown } | null;
  return body?.type === 'application/vnd.microsoft.activity.message' ? String(body.value) : '';
}

/**
 * Sends a file to the bot as Teams does: a message whose attachment is the file's download info,
 * with the link served by the connector stand-in on loopback.
 */
export function sendFile(
  h: BotHarness,
  user: TeamsUser,
  name: string,
  bytes: Buffer,
  options: ServedFileOptions & { conversationType?: string; text?: string } = {},
): Promise<PostResult> {
  const attachment = h.connector.serveFile(name, bytes, options);
  return h.post(
    h.activity(
      user,
      {
        type: 'message',
        ...(options.text ? { text: options.text } : {}),
        attachments: [attachment],
      },
      { conversationType: options.conversationType },
    ),
  );
}
