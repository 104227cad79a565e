import type { FreeTextHandler } from '../action-plan-bot';
import { respondToQuestion } from '../ask/respond';

/**
 * Anything that is not a command, a thanks or a reply to a prompt is read as a question in
 * plain words (see `src/ask`). It is the last handler: it always answers.
 */
export const askHandler: FreeTextHandler = async (turn, text) => {
  if (text === '') return false;
  await respondToQuestion(turn, text);
  return true;
};
