import type { FreeTextHandler } from '../action-plan-bot';
import { replyToPromptHandler } from './reply-to-prompt';
import { thanksHandler } from './thanks';

/** Handlers of text that is not a command, in the order they are tried; help follows. */
export const FREE_TEXT_HANDLERS: FreeTextHandler[] = [thanksHandler, replyToPromptHandler];
