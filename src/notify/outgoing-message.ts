/**
 * A proactive message as jobs and use cases compose it: a card and the words around it, in
 * plain objects. Only the notifier turns it into a Bot Framework activity, so nothing outside
 * the bot and notify layers needs botbuilder to send a message.
 */
export interface OutgoingMessage {
  /** An expanded Adaptive Card (a card builder's result), sent as the message's attachment. */
  card?: Record<string, unknown>;
  /** Text shown with the card, or on its own when there is no card. */
  text?: string;
  /** What Teams shows in the notification and the chat list. */
  summary?: string;
}
