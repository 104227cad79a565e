import { Template } from 'adaptivecards-templating';
import { withSubmitFallback } from './submit-fallback';

/** An Adaptive Card as plain JSON, ready to be wrapped in an attachment. */
export type AdaptiveCard = Record<string, unknown>;

/**
 * Largest card we send, in bytes of UTF-8 JSON. Teams refuses messages over about 100 KB
 * (measured as UTF-16), Power Automate and older clients 28 KB: keeping every card within 28 KB
 * is safe everywhere and keeps cards quick to read on a phone.
 */
export const CARD_BUDGET_BYTES = 28 * 1024;

/** The same budget under its earlier name. */
export const MAX_CARD_BYTES = CARD_BUDGET_BYTES;

/** A card that cannot be brought within the budget: a bug in its builder, never sent. */
export class CardTooLargeError extends Error {
  constructor(bytes: number) {
    super(`A card of ${bytes} bytes is over the budget of ${CARD_BUDGET_BYTES} bytes`);
    this.name = 'CardTooLargeError';
  }
}

/** Expands a card and checks it is within the budget: how cards without long lists are built. */
export function renderCard<T extends object>(template: object, data: T): AdaptiveCard {
  return withinBudget(expandCard(template, data));
}

/** The card, when it is within {@link CARD_BUDGET_BYTES}; else a {@link CardTooLargeError}. */
export function withinBudget(card: AdaptiveCard): AdaptiveCard {
  const bytes = cardBytes(card);
  if (bytes > CARD_BUDGET_BYTES) throw new CardTooLargeError(bytes);
  return card;
}

/**
 * Expands a card template with its data. Values in `data` are inserted as they are: the
 * templating engine does not evaluate `${…}` found inside them, so text people typed stays
 * literal (a test holds the engine to that).
 */
export function expandCard<T extends object>(template: object, data: T): AdaptiveCard {
  // A parsed template can be expanded again with other data; parsing is most of the cost.
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new Template(template);
    parsedTemplates.set(template, parsed);
  }
  // The engine's warnings are not checked: it warns about every `$when` that is false.
  const card: unknown = parsed.expand({ $root: data });
  if (typeof card !== 'object' || card === null || Array.isArray(card)) {
    throw new Error('A card template must expand to a JSON object');
  }
  // Buttons also work on clients without Universal Actions, where the budget leaves room.
  return withSubmitFallback(card as AdaptiveCard, CARD_BUDGET_BYTES, cardBytes);
}

const parsedTemplates = new WeakMap<object, Template>();

/** Size of a card as sent: bytes of its UTF-8 JSON. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Builds a card showing at most `limit` entries of its longest list, lowering the limit until
 * the card fits in {@link MAX_CARD_BYTES}. Lists of notes can be long (each up to 4,000
 * characters), and it is better to show fewer of them than to have Teams refuse the message.
 */
export function fitCard(build: (limit: number) => AdaptiveCard, limit: number): AdaptiveCard {
  let n = limit;
  let card = build(n);
  // Measured once per build: serialising a card costs about as much as expanding it.
  let bytes = cardBytes(card);
  while (n > 0 && bytes > MAX_CARD_BYTES) {
    // Shrink in proportion to the excess, and always by at least one entry.
    const ratio = MAX_CARD_BYTES / bytes;
    n = Math.min(n - 1, Math.floor(n * ratio));
    card = build(Math.max(0, n));
    bytes = cardBytes(card);
  }
  if (bytes > CARD_BUDGET_BYTES) throw new CardTooLargeError(bytes);
  return card;
}

/**
 * Builds a card at each of `steps` in turn (largest first) and returns the first within the
 * budget; when none is, a {@link CardTooLargeError}. For cards that can give way in more than
 * one respect (fewer inputs, shorter texts, a shorter list).
 */
export function fitCardInSteps<S>(
  steps: readonly S[],
  build: (step: S) => AdaptiveCard,
): AdaptiveCard {
  let bytes = 0;
  for (const step of steps) {
    const card = build(step);
    bytes = cardBytes(card);
    if (bytes <= CARD_BUDGET_BYTES) return card;
  }
  throw new CardTooLargeError(bytes);
}
