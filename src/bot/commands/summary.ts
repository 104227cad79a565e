import { buildPlansListCard, buildSummaryCard } from '../../cards/summary-card';
import { isPlanOpen } from '../../domain/action';
import { buildSignOffCard } from '../../cards/sign-off-card';
import { canReadSummaries, canSignOff } from '../../domain/permissions';
import { summarisePlan, type PlanSummary } from '../../domain/summary';
import { NotAllowedError } from '../../services/errors';
import { findPlan } from '../../services/find-plan';
import type { AdaptiveCard } from '../../cards/render';
import type { Plan } from '../../domain/action';
import { sendCard, type BotTurn, type TextCommand } from '../bot-turn';

/** A plan's summary card; for a chair or admin, then what awaits their sign-off. */
async function sendSummary(turn: BotTurn, summary: PlanSummary, timezone: string): Promise<void> {
  await sendCard(turn.context, buildSummaryCard({ summary, now: turn.now, timezone }));
  if (canSignOff(turn.person) && summary.awaitingSignOff.length > 0) {
    await sendCard(
      turn.context,
      buildSignOffCard({ plan: summary.plan, awaiting: summary.awaitingSignOff }),
    );
  }
}

/** The list of open plans with their progress, at a page. */
export async function plansListCard(turn: BotTurn, open?: Plan[], page = 0): Promise<AdaptiveCard> {
  const { plans, actions } = turn.deps.repos;
  const all = open ?? (await plans.list()).filter(isPlanOpen);
  const lists = await Promise.all(all.map((p) => actions.listByPlan(p.id)));
  return buildPlansListCard({
    plans: all.map((plan, i) => ({ plan, summary: summarisePlan(plan, lists[i], turn.now) })),
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
    if (!canReadSummaries(turn.person)) {
      throw new NotAllowedError(
        'Summaries are for chairs, heads of service and admins. Type **my actions** to see yours.',
      );
    }
    const { plans, actions } = turn.deps.repos;
    if (query) {
      const plan = await findPlan(plans, query);
      const summary = summarisePlan(plan, await actions.listByPlan(plan.id), turn.now);
      await sendSummary(turn, summary, plan.timezone);
      return;
    }
    // Closed and archived plans leave the overview; `summary <plan>` still shows them.
    const all = (await plans.list()).filter(isPlanOpen);
    if (all.length === 1) {
      const summary = summarisePlan(all[0], await actions.listByPlan(all[0].id), turn.now);
      await sendSummary(turn, summary, all[0].timezone);
      return;
    }
    if (all.length === 0) {
      await turn.context.sendActivity('No plans have been imported yet.');
      return;
    }
    await sendCard(turn.context, await plansListCard(turn, all));
  },
};
