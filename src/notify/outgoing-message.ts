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

/**
 * A message that can give way when it is too large: built at `step` 0 (the fullest), then 1,
 * 2… while its card will not fit the card budget (the builder throws `CardTooLargeError`) or
 * Teams refuses it as too large; null past the smallest form. A step may split the message into
 * parts sent one after another. Once a step has split it, later steps keep the same parts in
 * the same places (only each part's size changes), so parts already delivered are not sent again.
 */
export type SizedMessage = (step: number) => OutgoingMessage | OutgoingMessage[] | null;

/** What the notifier sends: a message as it is, or one that can be made smaller. */
export type Sendable = OutgoingMessage | SizedMessage;
