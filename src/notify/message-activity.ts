import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { OutgoingMessage } from './outgoing-message';

/**
 * The activity that carries an {@link OutgoingMessage}: its card as an Adaptive Card attachment.
 * The summary is what Teams shows in the notification and the chat list instead of "Sent a
 * card"; a card without words of its own to `speak` speaks the summary to a screen reader.
 */
export function messageActivity(message: OutgoingMessage): Partial<Activity> {
  const card =
    message.card && message.summary !== undefined && message.card.speak === undefined
      ? { ...message.card, speak: message.summary }
      : message.card;
  const base: Partial<Activity> = card
    ? MessageFactory.attachment(CardFactory.adaptiveCard(card))
    : { type: 'message' };
  return {
    ...base,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.summary !== undefined ? { summary: message.summary } : {}),
  };
}
