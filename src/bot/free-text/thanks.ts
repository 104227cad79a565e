import type { FreeTextHandler } from '../action-plan-bot';
import { smallTalkOf } from '../../domain/reply-text';

/** What the bot says to a thanks. */
export const YOU_ARE_WELCOME = "You're welcome.";

/**
 * "Thanks", "cheers", "thank you very much": a friendly word back, never recorded as progress and
 * never answered with "I didn't understand", whether or not a prompt is waiting for a reply.
 */
export const thanksHandler: FreeTextHandler = async (turn, text) => {
  if (smallTalkOf(text) !== 'thanks') return false;
  await turn.context.sendActivity(YOU_ARE_WELCOME);
  return true;
};
