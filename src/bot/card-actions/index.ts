import type { CardAction } from '../bot-turn';
import { showActionCardAction } from './show-action';
import { showSummaryCardAction } from './show-summary';
import { updateActionCardAction } from './update-action';

/** Every card button verb the bot answers. */
export const CARD_ACTIONS: CardAction[] = [
  updateActionCardAction,
  showActionCardAction,
  showSummaryCardAction,
];
