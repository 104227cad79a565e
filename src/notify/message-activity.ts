import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { OutgoingMessage } from './outgoing-message';

/** The activity that carries an {@link OutgoingMessage}: its card as an Adaptive Card attachment. */
export function messageActivity(message: OutgoingMessage): Partial<Activity> {
  const base: Partial<Activity> = message.card
    ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card))
    : { type: 'message' };
  return {
    ...base,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.summary !== undefined ? { summary: message.summary } : {}),
  };
}
