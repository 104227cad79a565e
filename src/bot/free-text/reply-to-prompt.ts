import { buildChooseActionCard } from '../../cards/choose-action-card';
import { listInWords } from '../../cards/format';
import { mentionedRefs, sameRef, smallTalkOf } from '../../domain/reply-text';
import type { PlannedAction } from '../../services/my-actions';
import {
  isFollowUp,
  pendingReply,
  recordReply,
  settleReply,
  type RecordedReply,
} from '../../services/record-reply';
import type { FreeTextHandler } from '../action-plan-bot';
import { sendCard, type BotTurn } from '../bot-turn';
import { isPersonalChat } from '../identity';
import { YOU_ARE_WELCOME } from './thanks';
import { replyConfirmationCard } from '../reply-confirmation';

/** "action 4", "actions 2 and 4". */
function actionsInWords(refs: string[]): string {
  const unique = [...new Set(refs)];
  return unique.length === 1 ? `action ${unique[0]}` : `actions ${listInWords(unique)}`;
}

function reminder(items: PlannedAction[], followUp: boolean): string {
  const which = actionsInWords(items.map((i) => i.action.ref));
  if (followUp) return `All right. If you have more to add on ${which}, just send it.`;
  return items.length === 1
    ? `When you have news on ${which}, reply here in your own words and I'll record it.`
    : `When you have news on ${which}, reply here in your own words, saying which action, and I'll record it.`;
}

/** The same reference in two plans cannot be told apart from the words alone. */
function refsRepeat(items: PlannedAction[]): boolean {
  const refs = items.map((i) => i.action.ref.toLowerCase());
  return new Set(refs).size < refs.length;
}

async function confirm(turn: BotTurn, recorded: RecordedReply): Promise<void> {
  await sendCard(turn.context, replyConfirmationCard(recorded));
}

/**
 * Plain text after a prompt is progress on the action it asked about. The status is read from
 * the words where they are clear ("done", "slipped", "at risk"), else kept; the note is recorded
 * as written and a confirmation card lets the officer correct the status.
 *
 * - The prompt asked about several actions: the reply is filed on the ones it names ("action 4",
 *   "#4"); when it names none, a card asks which, and the wait goes on until they choose.
 * - A reply naming only actions the prompt did not ask about is not filed anywhere: it says so.
 * - "ok", "will do", "👍" (and "thanks", for the thanks handler) are not progress: nothing is
 *   recorded and the wait goes on.
 * - Once a reply is recorded the wait for the prompt ends, but for ten minutes (REPLY_FOLLOW_UP_MS)
 *   more text is added to the same action: people often write in two or three messages. After
 *   that, text is read afresh: a command, or help.
 * - No prompt waiting (or it expired): not handled, so help follows.
 */
export const replyToPromptHandler: FreeTextHandler = async (turn, text) => {
  if (text === '' || !isPersonalChat(turn.context)) return false;
  const { repos } = turn.deps;
  const pending = await pendingReply(repos, turn.person, turn.now);
  if (!pending) return false;
  const { awaiting, items } = pending;
  if (items.length === 0) {
    // The actions it asked about are gone or no longer theirs: nothing to file a reply on.
    await repos.replies.clear(turn.person.email, awaiting.version);
    return false;
  }
  const talk = smallTalkOf(text);
  if (talk) {
    await turn.context.sendActivity(
      talk === 'thanks' ? YOU_ARE_WELCOME : reminder(items, isFollowUp(awaiting)),
    );
    return true;
  }
  const mentioned = mentionedRefs(text);
  const named = items.filter((i) => mentioned.some((m) => sameRef(m, i.action.ref)));
  if (mentioned.length > 0 && named.length === 0) {
    await turn.context.sendActivity(
      `I asked about ${actionsInWords(items.map((i) => i.action.ref))}, not ` +
        `${actionsInWords(mentioned)}, so I haven't recorded that. To update another action, ` +
        `type **my actions** and open it.`,
    );
    return true;
  }
  const targets = named.length > 0 ? named : items;
  if (targets.length > 1 && (named.length === 0 || refsRepeat(named))) {
    turn.log.info({ choices: targets.length }, 'reply needs an action chosen');
    await sendCard(turn.context, buildChooseActionCard({ note: text, items: targets }));
    return true;
  }
  const recorded: RecordedReply[] = [];
  for (const { action } of targets) {
    recorded.push(
      await recordReply(repos, {
        person: turn.person,
        planId: action.planId,
        ref: action.ref,
        text,
        now: turn.now,
      }),
    );
  }
  await settleReply(
    repos,
    turn.person.email,
    awaiting,
    recorded.map((r) => r.action),
    turn.now,
  );
  for (const r of recorded) {
    turn.log.info(
      { planId: r.action.planId, ref: r.action.ref, status: r.action.status },
      'reply recorded',
    );
    await confirm(turn, r);
  }
  return true;
};
