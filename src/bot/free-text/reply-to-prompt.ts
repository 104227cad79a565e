import { buildChooseActionCard } from '../../cards/choose-action-card';
import { listInWords } from '../../cards/format';
import type { PlannedAction } from '../../services/my-actions';
import type { RecordedReply } from '../../services/record-reply';
import { replyToPrompt } from '../../services/reply-to-prompt';
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
  const reply = await replyToPrompt(turn.deps.repos, turn.person, text, turn.now);
  switch (reply.kind) {
    case 'none':
      return false;
    case 'small-talk':
      await turn.context.sendActivity(
        reply.talk === 'thanks' ? YOU_ARE_WELCOME : reminder(reply.items, reply.followUp),
      );
      return true;
    case 'not-asked':
      await turn.context.sendActivity(
        `I asked about ${actionsInWords(reply.asked.map((i) => i.action.ref))}, not ` +
          `${actionsInWords(reply.mentioned)}, so I haven't recorded that. To update another action, ` +
          `type **my actions** and open it.`,
      );
      return true;
    case 'choose':
      turn.log.info({ choices: reply.items.length }, 'reply needs an action chosen');
      await sendCard(turn.context, buildChooseActionCard({ note: text, items: reply.items }));
      return true;
    case 'recorded':
      for (const r of reply.recorded) {
        turn.log.info(
          { planId: r.action.planId, ref: r.action.ref, status: r.action.status },
          'reply recorded',
        );
        await confirm(turn, r);
      }
      return true;
  }
};
