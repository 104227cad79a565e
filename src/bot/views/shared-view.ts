import type { SharedViewKey } from '../../cards/refresh';
import type { Person } from '../../domain/person';
import type { BotDeps } from '../bot-deps';
import type { CardJson } from '../bot-turn';

/**
 * A card that shows each member of a group chat or channel a view of their own: the people
 * allowed to act see its inputs and buttons, others a read-only view, and the card everyone
 * sees carries nothing personal.
 */
export interface SharedView<K extends SharedViewKey = SharedViewKey> {
  name: K['view'];
  /** The key read back from a card's data; null when the data is not this view's. */
  keyOf(data: Record<string, unknown>): K | null;
  /** The card for one person, or with `viewer` null the card everyone in the chat sees. */
  render(deps: BotDeps, key: K, viewer: Person | null, now: Date): Promise<CardJson>;
  /** The people allowed to act on the card: they are shown their own view at once. */
  mayAct(deps: BotDeps, key: K): Promise<Person[]>;
}
