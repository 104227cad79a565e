import type { FreeTextHandler } from '../action-plan-bot';
import { askHandler } from './ask';
import { replyToPromptHandler } from './reply-to-prompt';
import { thanksHandler } from './thanks';

/** Handlers of text that is not a command, in the order they are tried; questions come last. */
export const FREE_TEXT_HANDLERS: FreeTextHandler[] = [
  thanksHandler,
  replyToPromptHandler,
  askHandler,
];
