import type { AdaptiveCard } from '../../cards/render';
import { buildSignOffCard } from '../../cards/sign-off-card';
import { buildPlansListCard, buildSummaryCard } from '../../cards/summary-card';
import { canSignOff } from '../../domain/permissions';
import type { PlanSummary } from '../../domain/summary';
import { planSummary } from '../../services/plan-summary';
import { NO_PLANS } from '../../services/refusals';
import { sendCard, type BotTurn, type TextCommand } from '../bot-turn';

/** A plan's summary card; for a chair or admin, then what awaits their sign-off. */
async function sendSummary(turn: BotTurn, summary: PlanSummary): Promise<void> {
  await sendCard(turn.context, buildSummaryCard({ summary }));
  if (canSignOff(turn.person) && summary.awaitingSignOff.length > 0) {
    await sendCard(
      turn.context,
      buildSignOffCard({ plan: summary.plan, awaiting: summary.awaitingSignOff }),
    );
  }
}

/** The list of open plans with their progress, at a page (also what "Show next 10" answers). */
export async function plansListCard(turn: BotTurn, page = 0): Promise<AdaptiveCard> {
  const summaries = await planSummary(turn.deps.repos, turn.person, {}, turn.now);
  return plansCard(summaries, page);
}

function plansCard(summaries: PlanSummary[], page = 0): AdaptiveCard {
  return buildPlansListCard({
    plans: summaries.map((summary) => ({ plan: summary.plan, summary })),
    page,
  });
}

/** `summary` or `summary <plan>`: a plan's position at once, for chairs, heads and admins. */
export const summaryCommand: TextCommand = {
  name: 'summary',
  match: (text) => {
    // "report" and "position" only on their own: "Report went to committee" is progress.
    if (/^(?:report|position)$/i.test(text)) return [''];
    const m = /^(?:summary|summarise|summarize)(?:\s+(?:of\s+|for\s+)?(.+))?$/i.exec(text);
    return m ? [m[1] ?? ''] : null;
  },
  run: async (turn, [query]) => {
    const summaries = await planSummary(turn.deps.repos, turn.person, { query }, turn.now);
    if (summaries.length === 0) {
      await turn.context.sendActivity(NO_PLANS);
    } else if (summaries.length === 1) {
      await sendSummary(turn, summaries[0]);
    } else {
      await sendCard(turn.context, plansCard(summaries));
    }
  },
};
