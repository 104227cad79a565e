import { buildNoticeCard } from '../../cards/notice-card';
import { readingFromData } from '../../cards/reading-data';
import { VERBS } from '../../cards/verbs';
import { describeReading } from '../../ask/describe';
import { loadAskWorld } from '../../services/ask-world';
import { DAMAGED_CARD_MESSAGE } from '../card-data';
import type { CardAction } from '../bot-turn';
import { respondToReading } from '../ask/respond';
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
    const world = await loadAskWorld(turn.deps.repos, turn.now, turn.deps.config.TIMEZONE);
    if (reading.slots.plan && !world.plans.some((p) => p.id === reading.slots.plan)) {
      return { message: refusals.planGone().message };
    }
    await respondToReading(turn, world, reading);
    return {
      card: buildNoticeCard({
        title: 'You chose',
        lines: [describeReading(reading, world.planName)],
        style: 'default',
      }),
    };
  },
};
