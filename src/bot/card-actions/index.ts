import type { CardAction } from '../bot-turn';
import { cancelImportCardAction } from './cancel-import';
import { answerReadingCardAction } from './answer-reading';
import { chooseReplyActionCardAction } from './choose-reply-action';
import { confirmImportCardAction } from './confirm-import';
import { correctReplyCardAction } from './correct-reply';
import { previewPageCardAction } from './preview-page';
import { sendFirstMessagesCardAction } from './send-first-messages';
import { refreshCardCardAction } from './refresh-card';
import { reopenActionCardAction } from './reopen-action';
import { showActionCardAction } from './show-action';
import { showPageCardAction } from './show-page';
import { showSummaryCardAction } from './show-summary';
import { signOffActionCardAction } from './sign-off-action';
import { signOffAllCardAction } from './sign-off-all';
import { snoozeActionCardAction } from './snooze-action';
import { updateActionCardAction } from './update-action';

/** Every card button verb the bot answers. */
export const CARD_ACTIONS: CardAction[] = [
  updateActionCardAction,
  showActionCardAction,
  showSummaryCardAction,
  showPageCardAction,
  snoozeActionCardAction,
  chooseReplyActionCardAction,
  correctReplyCardAction,
  previewPageCardAction,
  confirmImportCardAction,
  cancelImportCardAction,
  sendFirstMessagesCardAction,
  signOffActionCardAction,
  signOffAllCardAction,
  reopenActionCardAction,
  answerReadingCardAction,
  refreshCardCardAction,
];
