import type { Activity, Middleware, TurnContext } from 'botbuilder';

/**
 * Sends every text message as plain text. Teams reads message text as markdown by default, so a
 * plan title, a file name or a note typed by someone could otherwise become a link or formatting
 * in a chat or channel. The bot's own messages use no markdown, so nothing is lost.
 */
export class PlainTextMessages implements Middleware {
  /** Marks the turn's outgoing messages as plain text, then runs the turn. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_context, activities: Partial<Activity>[], send) => {
      for (const activity of activities) {
        if (activity.type === 'message' && activity.text && !activity.textFormat) {
          activity.textFormat = 'plain';
        }
      }
      return send();
    });
    await next();
  }
}
