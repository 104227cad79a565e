import { CardFactory, type TurnContext } from 'botbuilder';
import { MAX_REFRESH_USERS, withRefresh, type SharedViewKey } from '../cards/refresh';
import { personalViewIds } from '../domain/card-audience';
import type { Person } from '../domain/person';
import type { BotDeps } from './bot-deps';
import { sendCard, type BotTurn, type CardJson } from './bot-turn';
import { isPersonalChat } from './identity';
import { viewOf } from './views';

/** True in a group chat or team channel: a card there is seen by everyone in it. */
export function isSharedConversation(context: TurnContext): boolean {
  return !isPersonalChat(context);
}

/** The Teams user ids shown their own view of a card at once: who asked, then who may act. */
async function viewIds(deps: BotDeps, key: SharedViewKey, asker: Person | null): Promise<string[]> {
  const mayAct = await viewOf(key).mayAct(deps, key);
  return personalViewIds(asker, mayAct, MAX_REFRESH_USERS);
}

/**
 * The card of a view for `viewer` (null: everyone in the chat), with the refresh that gives
 * `asker` and the people allowed to act their own view of it.
 */
export async function sharedCard(
  deps: BotDeps,
  key: SharedViewKey,
  viewer: Person | null,
  asker: Person | null,
  now: Date,
): Promise<CardJson> {
  const [card, ids] = await Promise.all([
    viewOf(key).render(deps, key, viewer, now),
    viewIds(deps, key, asker),
  ]);
  return withRefresh(card, key, ids);
}

/**
 * Sends a card that may be seen by several people. In a personal chat it is the person's own
 * card, exactly as built by `own`; in a group chat or channel it is the card everyone sees, and
 * Teams asks for the personal views of the asker and of those allowed to act.
 */
export async function sendView(
  turn: BotTurn,
  key: SharedViewKey,
  own: () => Promise<CardJson>,
): Promise<void> {
  if (!isSharedConversation(turn.context)) {
    await sendCard(turn.context, await own());
    return;
  }
  await sendCard(turn.context, await sharedCard(turn.deps, key, null, turn.person, turn.now));
}

/**
 * Brings the card everyone in a shared chat sees up to date after a button changed what it
 * shows. It is the message the button was on; a message Teams will not update (deleted, too
 * old) is left as it was, since the person who pressed already has their answer.
 */
export async function updateEveryonesCard(turn: BotTurn, key: SharedViewKey): Promise<void> {
  const id = turn.context.activity.replyToId;
  if (!id) return;
  try {
    const card = await sharedCard(turn.deps, key, null, turn.person, turn.now);
    await turn.context.updateActivity({
      id,
      type: 'message',
      attachments: [CardFactory.adaptiveCard(card)],
    });
  } catch (error) {
    turn.log.warn(
      { view: key.view, statusCode: (error as { statusCode?: unknown }).statusCode ?? null },
      'could not update the card everyone sees',
    );
  }
}

/**
 * One person's answer to a button or a refresh on a shared card: their own view, still
 * refreshable. Teams keeps it on that person's client alone, so it lists only them; the card
 * everyone sees keeps the full list.
 */
export function ownView(turn: BotTurn, key: SharedViewKey, card: CardJson): CardJson {
  return withRefresh(card, key, personalViewIds(turn.person, [], MAX_REFRESH_USERS));
}
