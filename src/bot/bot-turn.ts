import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { SharedViewKey } from '../cards/refresh';
import type { Person } from '../domain/person';
import type { Logger } from '../logging/logger';
import type { BotDeps } from './bot-deps';

/** A plain Adaptive Card JSON object, as the card builders return it. */
export type CardJson = Record<string, unknown>;

/** One turn of a known person: what every command and card action receives. */
export interface BotTurn {
  context: TurnContext;
  person: Person;
  deps: BotDeps;
  log: Logger;
  now: Date;
}

/** Sends a card as a new message. */
export async function sendCard(context: TurnContext, card: CardJson): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** A text command: matched against what the person typed (mention removed, trimmed). */
export interface TextCommand {
  name: string;
  /** The command's arguments when the text is this command, else null. */
  match(text: string): string[] | null;
  run(turn: BotTurn, args: string[]): Promise<void>;
}

/**
 * What a card action answers: a card replacing the clicked one, or a short message. A card that
 * is one person's view of a shared card names its `view`: in a group chat or channel the bot
 * then keeps it that person's own and brings the card everyone sees up to date. `said` is what
 * to tell the chat when the card cannot be answered to one person alone (an Action.Submit).
 */
export type CardActionResult =
  { card: CardJson; view?: SharedViewKey; said?: string } | { message: string };

/** A card button's verb and what it does. */
export interface CardAction {
  verb: string;
  run(turn: BotTurn, data: Record<string, unknown>): Promise<CardActionResult>;
}
