import { buildSummaryCard } from '../../cards/summary-card';
import { VERBS } from '../../cards/verbs';
import { planSummary } from '../../services/plan-summary';
import { sendCard, type CardAction } from '../bot-turn';
import { cardText } from '../card-data';

/** A plan picked from the list of plans: answers with its summary. */
export const showSummaryCardAction: CardAction = {
  verb: VERBS.showSummary,
  run: async (turn, data) => {
    const planId = cardText(data.planId);
    const [summary] = await planSummary(turn.deps.repos, turn.person, { planId }, turn.now);
    // A new message, so the list of plans stays as it was.
    await sendCard(turn.context, buildSummaryCard({ summary }));
    return { message: 'The summary is in a new message below.' };
  },
};
