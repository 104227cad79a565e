import { buildNoticeCard } from '../../cards/notice-card';
import { readingFromData } from '../../cards/reading-data';
import { VERBS } from '../../cards/verbs';
import { describeReading } from '../../ask/describe';
import { answerChosenReading } from '../../services/ask-question';
import { DAMAGED_CARD_MESSAGE } from '../card-data';
import type { CardAction } from '../bot-turn';
import { askRequestOf, sendAskResult } from '../ask/respond';
import { refusals } from '../../services/refusals';

/**
 * A "Did you mean…" button: answers the reading it carries as a new message, and turns the
 * choices into a note of what was chosen.
 */
export const answerReadingCardAction: CardAction = {
  verb: VERBS.answerReading,
  run: async (turn, data) => {
    const reading = readingFromData(data);
    if (!reading) return { message: DAMAGED_CARD_MESSAGE };
    const result = await answerChosenReading(turn.deps.repos, reading, askRequestOf(turn));
    if (result.outcome.kind === 'plan-gone') return { message: refusals.planGone().message };
    await sendAskResult(turn, result);
    return {
      card: buildNoticeCard({
        title: 'You chose',
        lines: [describeReading(reading, result.world.planName)],
        style: 'default',
      }),
    };
  },
};
