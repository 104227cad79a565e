import type { CardAction } from '../bot-turn';
import { chooseReplyActionCardAction } from './choose-reply-action';
import { correctReplyCardAction } from './correct-reply';
import { showActionCardAction } from './show-action';
import { showSummaryCardAction } from './show-summary';
import { snoozeActionCardAction } from './snooze-action';
import { updateActionCardAction } from './update-action';

/** Every card button verb the bot answers. */
export const CARD_ACTIONS: CardAction[] = [
  updateActionCardAction,
  showActionCardAction,
  showSummaryCardAction,
  snoozeActionCardAction,
  chooseReplyActionCardAction,
  correctReplyCardAction,
];
